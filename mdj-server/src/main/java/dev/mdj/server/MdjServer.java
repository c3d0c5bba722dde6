package dev.mdj.server;

import dev.mdj.config.Configuration;
import dev.mdj.config.host.Listen;
import dev.mdj.engine.Engine;
import dev.mdj.md.GlobalSetting;
import dev.mdj.events.EventNotifier;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Settings;
import dev.mdj.ocsp.OcspFetcher;
import dev.mdj.ocsp.OcspStore;
import dev.mdj.ocsp.Stapler;
import dev.mdj.renew.TaskScheduler;
import dev.mdj.server.tls.Stapling;
import dev.mdj.renew.ActivationListener;
import dev.mdj.renew.AriWindow;
import dev.mdj.server.files.MimeTypes;
import dev.mdj.server.files.StaticFiles;
import dev.mdj.server.http.MdStatusHandler;
import dev.mdj.server.http.ServerFacts;
import dev.mdj.server.http.ServerStatusHandler;
import dev.mdj.server.http.MetricsHandler;
import dev.mdj.server.metrics.ProcessMeters;
import dev.mdj.server.proxy.HttpReverseProxy;
import dev.mdj.server.log.AccessLogs;
import dev.mdj.server.site.SiteTable;
import dev.mdj.server.tls.CertificateBook;
import dev.mdj.server.tls.TlsContextFactory;
import dev.mdj.status.StatusReader;
import dev.mdj.store.FileStore;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import dev.mdj.server.http.Drain;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front server: listens where the configuration says, serves every site with the
 * certificate of its managed domain (swapped in the moment the engine activates a new one),
 * and runs the certificate engine. {@link #reload} applies a new configuration without
 * dropping a connection; {@link #close} stops.
 */
public final class MdjServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MdjServer.class);
    /** Every step of every renewal, as mod_md's md-status shows it in "activity". */
    private static final Logger PROGRESS = LoggerFactory.getLogger("dev.mdj.renew.progress");
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** mod_proxy's connectiontimeout default is Timeout; a backend that takes this long to accept is down. */
    private static final Duration PROXY_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    /** For server-status: when this server started (reloads keep it). */
    private final Instant startedAt;
    private final int concurrency;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> channelType;
    private final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
    /** Starts the OCSP fetches when they are due; the fetches run on {@link #loader}. */
    private final ScheduledExecutorService staplingTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mdj-stapling").daemon(true).factory());
    private final AtomicBoolean staplingUnsupportedTold = new AtomicBoolean();
    private final TlsContextFactory tls = TlsContextFactory.create();
    private final AtomicReference<Generation> generation = new AtomicReference<>();
    private final Map<Binding, Channel> listeners = new HashMap<>();
    /** Every open client connection, for draining them at stop. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Access logs of replaced generations, closing once their connections are gone. */
    private final List<AccessLogs> retiredLogs = new ArrayList<>();
    private final Object engineLock = new Object();
    private final HttpReverseProxy proxy;
    /** The JVM and process meters of SetHandler metrics, kept across reloads. */
    private final ProcessMeters meters = new ProcessMeters();
    /** Written under {@link #engineLock}; read without it by status pages. */
    private volatile Engine engine;

    /** One listening socket: where, and whether it speaks TLS. */
    record Binding(Optional<String> address, int port, boolean tls) {
        InetSocketAddress socketAddress() {
            return address.map(a -> new InetSocketAddress(a, port)).orElseGet(() -> new InetSocketAddress(port));
        }

        @Override
        public String toString() {
            return address.orElse("*") + ":" + port + (tls ? " (TLS)" : "");
        }
    }

    private MdjServer(Clock clock, int concurrency) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.concurrency = concurrency;
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.channelType = Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.acceptors = new MultiThreadIoEventLoopGroup(1, io);
        this.workers = new MultiThreadIoEventLoopGroup(0, io);
        this.proxy = new HttpReverseProxy(PROXY_CONNECT_TIMEOUT);
    }

    /**
     * Starts serving {@code config}: binds every listener (failing if one cannot be bound), then
     * starts the engine, which obtains and renews the certificates.
     *
     * @throws IOException if a listener cannot be bound; nothing is left running then
     */
    public static MdjServer start(Configuration config, Clock clock, int concurrency) throws IOException {
        MdjServer server = new MdjServer(clock, concurrency);
        try {
            server.generation.set(server.generation(1, config));
            server.bind(config);
            server.generation.get().certificates().prime(server.generation.get().sites().all());
            server.startEngine();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public static MdjServer start(Configuration config) throws IOException {
        return start(config, Clock.systemUTC(), Engine.DEFAULT_CONCURRENCY);
    }

    /** The addresses actually bound, for tests and logs (port 0 in the config becomes the real port). */
    public synchronized List<InetSocketAddress> boundAddresses() {
        return listeners.values().stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    public Generation current() {
        return generation.get();
    }

    /**
     * Applies {@code next} as httpd's graceful restart does: new connections get the new sites
     * and certificates, connections already open finish under the old ones, listeners that stay
     * are not touched. The engine restarts with the new managed domains in the background.
     *
     * @throws IOException if a new listener cannot be bound; the old configuration stays then
     */
    public synchronized void reload(Configuration next) throws IOException {
        Generation previous = generation.get();
        Generation fresh = generation(previous.number() + 1, next);
        Map<Binding, Channel> kept = new HashMap<>();
        List<Binding> wanted = bindings(next, fresh.sites());
        List<Channel> opened = new ArrayList<>();
        try {
            for (Binding binding : wanted) {
                Channel existing = listeners.get(binding);
                if (existing != null) {
                    kept.put(binding, existing);
                } else {
                    Channel channel = listen(binding);
                    opened.add(channel);
                    kept.put(binding, channel);
                }
            }
        } catch (IOException e) {
            opened.forEach(Channel::close);
            fresh.accessLogs().close();
            throw e;
        }
        generation.set(fresh);
        previous.certificates().stapling().stapler().ifPresent(Stapler::close);
        fresh.certificates().prime(fresh.sites().all());
        retiredLogs.removeIf(AccessLogs::isClosed);
        retiredLogs.add(previous.accessLogs());
        previous.accessLogs().retire();
        listeners.forEach((binding, channel) -> {
            if (!kept.containsKey(binding)) {
                LOG.info("no longer listening on {}", binding);
                channel.close();
            }
        });
        listeners.clear();
        listeners.putAll(kept);
        LOG.info("configuration reloaded (generation {})", fresh.number());
        Thread.ofVirtual().name("mdj-engine-restart").start(this::startEngine);
    }

    private Generation generation(int number, Configuration config) throws IOException {
        FileStore store = FileStore.open(config.server().global().get(GlobalSetting.STORE_DIR));
        SiteTable sites = SiteTable.of(config);
        CertificateBook book = new CertificateBook(store, tls, clock, loader, stapling(config, store));
        StatusReader status = new StatusReader(config, store, clock, this::nextCheck,
                StatusReader.RenewalWindows.of(this::renewalInfo, this::ariRenewAt));
        ServerStatusHandler serverStatus = new ServerStatusHandler(status,
                new ServerFacts(ServerFacts.version(MdjServer.class), startedAt, number), clock,
                config.server().global().get(GlobalSetting.SERVER_STATUS),
                config.server().global().get(GlobalSetting.CERTIFICATE_CHECK));
        return new Generation(number, config, sites, book, store, status,
                Map.of(MdStatusHandler.NAME, new MdStatusHandler(status), ServerStatusHandler.NAME, serverStatus,
                        MetricsHandler.NAME, new MetricsHandler(status, meters)),
                new StaticFiles(MimeTypes.forConfig(config.server().typesConfig())), proxy,
                AccessLogs.open(config, sites));
    }

    /**
     * The OCSP stapling of {@code config}: responses older than MDStaplingKeepResponse removed
     * from the store, and a stapler that keeps the rest current. Off when nothing is to be
     * stapled, or (with one warning) when the TLS stack cannot staple.
     */
    private Stapling stapling(Configuration config, FileStore store) {
        if (!Stapling.wanted(config)) {
            return Stapling.OFF;
        }
        if (!tls.staplingSupported()) {
            if (staplingUnsupportedTold.compareAndSet(false, true)) {
                LOG.warn("OCSP stapling is configured but {} cannot staple: handshakes go out without staples",
                        tls.providerName());
            }
            return Stapling.OFF;
        }
        Settings global = config.server().global();
        new OcspStore(store).cleanUp(global.get(GlobalSetting.STAPLING_KEEP_RESPONSE), clock.instant());
        Stapler stapler = Stapler.builder().store(store)
                .fetcher(new OcspFetcher(config.server().mdDefaults().find(MdSetting.HTTP_PROXY)))
                .events(EventNotifier.of(global, config.server().serverRoot(), clock))
                .scheduler(TaskScheduler.of(staplingTimer, clock)).workers(loader)
                .clock(clock).random(new SecureRandom())
                .renewWindow(global.get(GlobalSetting.STAPLING_RENEW_WINDOW))
                .retryDelay(global.get(GlobalSetting.RETRY_DELAY))
                .revoked(this::revoked).build();
        return new Stapling(config, stapler);
    }

    /** An OCSP responder says a certificate of {@code md} is revoked: the engine looks at it now. */
    private void revoked(String md) {
        Engine running = engine;
        if (running != null) {
            running.checkNow(md);
        }
    }

    /** When the running engine looks at {@code md} next, for md-status. */
    private Optional<Instant> nextCheck(String md) {
        Engine running = engine;
        return running == null ? Optional.empty() : running.nextCheck(md);
    }

    /** The CA's renewal windows the running engine last fetched for {@code md}, for md-status and metrics. */
    private Map<X509Certificate, AriWindow> renewalInfo(String md) {
        Engine running = engine;
        return running == null ? Map.of() : running.renewalInfo(md);
    }

    /** When the running engine renews {@code md} by the CA's renewal information, for md-status. */
    private Optional<Instant> ariRenewAt(String md) {
        Engine running = engine;
        return running == null ? Optional.empty() : running.ariRenewAt(md);
    }

    private void bind(Configuration config) throws IOException {
        for (Binding binding : bindings(config, generation.get().sites())) {
            listeners.put(binding, listen(binding));
        }
    }

    private static List<Binding> bindings(Configuration config, SiteTable sites) {
        List<Binding> bindings = new ArrayList<>();
        for (Listen listen : config.server().listens()) {
            boolean tls = sites.tlsOnPort(listen.port()) || listen.protocol().map("https"::equals).orElse(false);
            Binding binding = new Binding(listen.address(), listen.port(), tls);
            if (!bindings.contains(binding)) {
                bindings.add(binding);
            }
        }
        return bindings;
    }

    private Channel listen(Binding binding) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerChannels(generation::get, binding.tls(), connections::add));
        try {
            Channel channel = bootstrap.bind(binding.socketAddress()).sync().channel();
            LOG.info("listening on {}", channel.localAddress() + (binding.tls() ? " (TLS, " + tls.providerName() + ")" : ""));
            return channel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + binding, e);
        } catch (Exception e) {
            throw new IOException("cannot listen on " + binding + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the running engine, if any, and starts one for the current configuration (read
     * under the lock, so that of two quick reloads the later one's engine runs).
     */
    private void startEngine() {
        synchronized (engineLock) {
            Configuration config = generation.get().config();
            if (engine != null) {
                engine.close();
                engine = null;
            }
            if (config.managedDomains().isEmpty()) {
                return;
            }
            ActivationListener activation = new ActivationListener() {
                @Override
                public void activated(String md) {
                    MdjServer.this.activated(md);
                }

                @Override
                public void progress(String md, String activity) {
                    PROGRESS.info("{}: {}", md, activity);
                }
            };
            engine = Engine.builder().configuration(config).clock(clock).concurrency(concurrency)
                    .listener(activation).build().start();
        }
    }

    /**
     * Serves the certificate set now in {@code domains/<md>/} to new handshakes (the engine calls
     * this after each activation; so may anyone who changed the store). Completes when the new
     * set is in service, or was refused and the previous one kept.
     */
    public java.util.concurrent.CompletableFuture<Void> activated(String md) {
        Generation current = generation.get();
        return current.config().managedDomain(md).map(d -> current.certificates().activated(d))
                .orElseGet(() -> java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /**
     * Stops as httpd's graceful-stop does: no new connections, the engine stopped, requests
     * under way answered (HTTP/1.1 connections close after their current response, idle ones at
     * once; h2 connections say GOAWAY and finish their streams), and whatever is still open after
     * a grace period closed.
     */
    @Override
    public synchronized void close() {
        listeners.values().forEach(Channel::close);
        listeners.clear();
        synchronized (engineLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
        connections.forEach(channel -> channel.pipeline().fireUserEventTriggered(Drain.INSTANCE));
        connections.newCloseFuture().awaitUninterruptibly(STOP_GRACE.toMillis());
        connections.close().awaitUninterruptibly(STOP_GRACE.toMillis());
        proxy.close();
        workers.shutdownGracefully(0, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        if (generation.get() != null) {
            generation.get().certificates().stapling().stapler().ifPresent(Stapler::close);
        }
        staplingTimer.shutdownNow();
        loader.shutdownNow();
        meters.close();
        retiredLogs.forEach(AccessLogs::close);
        if (generation.get() != null) {
            generation.get().accessLogs().close();
        }
    }

    @Override
    public String toString() {
        return "mdj server " + Objects.toString(generation.get() == null ? null : generation.get().number());
    }
}
