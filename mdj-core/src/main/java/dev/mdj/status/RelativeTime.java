package dev.mdj.status;

import java.time.Duration;
import java.time.Instant;

/** A moment as people read it next to its date: {@code in 27 days}, {@code 5 hours ago}, {@code in 40 seconds}. */
public final class RelativeTime {

    private RelativeTime() {
    }

    /** {@code at} seen from {@code now}, in the largest unit that still counts at least two. */
    public static String of(Instant at, Instant now) {
        Duration delta = Duration.between(now, at).abs();
        String amount;
        if (delta.toDays() >= 2) {
            amount = delta.toDays() + " days";
        } else if (delta.toHours() >= 2) {
            amount = delta.toHours() + " hours";
        } else if (delta.toMinutes() >= 2) {
            amount = delta.toMinutes() + " minutes";
        } else {
            amount = delta.toSeconds() + (delta.toSeconds() == 1 ? " second" : " seconds");
        }
        return at.isAfter(now) ? "in " + amount : amount + " ago";
    }
}
