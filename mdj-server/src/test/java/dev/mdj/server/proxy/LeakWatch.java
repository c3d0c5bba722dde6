package dev.mdj.server.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at its paranoid level, its reports collected instead of only logged:
 * every buffer is tracked, and {@link #leaks} tells whether one was collected unreleased.
 */
final class LeakWatch {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        try {
            Field field = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            field.setAccessible(true);
            ((ResourceLeakDetector<?>) field.get(null)).setLeakListener((type, records) -> LEAKS.add(type + records));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Netty's buffer leak detector moved", e);
        }
    }

    private LeakWatch() {
    }

    static void start() {
        // the static initializer did it
    }

    /** The leaks reported so far, after a collection and some allocations (detection happens on allocation). */
    static List<String> leaks() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            for (int j = 0; j < 100; j++) {
                ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
                buffer.release();
            }
        }
        return List.copyOf(LEAKS);
    }
}
