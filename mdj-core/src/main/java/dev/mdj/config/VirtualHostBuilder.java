package dev.mdj.config;

import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.HostAddress;
import dev.mdj.config.host.LogSettings;
import dev.mdj.config.host.ProxyRule;
import dev.mdj.config.host.RedirectRule;
import dev.mdj.config.host.TlsSettings;
import dev.mdj.config.host.VirtualHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects what the directives of one server set, while the configuration is read. */
final class VirtualHostBuilder {

    final List<HostAddress> addresses;
    final Location location;
    String serverName;
    final List<String> aliases = new ArrayList<>();
    String serverAdmin;
    Path documentRoot;
    final List<String> directoryIndex = new ArrayList<>();
    final List<String> protocols = new ArrayList<>();
    boolean sslEngine;
    final List<Path> certificateFiles = new ArrayList<>();
    final List<Path> keyFiles = new ArrayList<>();
    Path chainFile;
    final List<String> sslProtocols = new ArrayList<>();
    String cipherSuite;
    Boolean useStapling;
    final List<PathSectionBuilder> sections = new ArrayList<>();
    final List<ProxyRule> proxyPasses = new ArrayList<>();
    final List<ProxyRule> proxyPassReverses = new ArrayList<>();
    Boolean proxyPreserveHost;
    final List<HeaderRule> headers = new ArrayList<>();
    final List<RedirectRule> redirects = new ArrayList<>();
    String errorLog;
    final List<LogSettings.CustomLog> customLogs = new ArrayList<>();
    String logLevel;
    final Map<String, String> moduleLevels = new HashMap<>();
    Duration timeout;
    Boolean keepAlive;
    Integer maxKeepAliveRequests;
    Duration keepAliveTimeout;
    String contactEmail;

    VirtualHostBuilder(List<HostAddress> addresses, Location location) {
        this.addresses = List.copyOf(addresses);
        this.location = location;
    }

    VirtualHost build() {
        TlsSettings tls = new TlsSettings(sslEngine, certificateFiles, keyFiles,
                Optional.ofNullable(chainFile), sslProtocols, Optional.ofNullable(cipherSuite),
                Optional.ofNullable(useStapling));
        LogSettings logs = new LogSettings(Optional.ofNullable(errorLog), customLogs,
                Optional.ofNullable(logLevel), moduleLevels);
        return new VirtualHost(addresses, Optional.ofNullable(serverName), aliases,
                Optional.ofNullable(serverAdmin), Optional.ofNullable(documentRoot), directoryIndex,
                protocols, tls, sections.stream().map(PathSectionBuilder::build).toList(), proxyPasses, proxyPassReverses,
                Optional.ofNullable(proxyPreserveHost), headers, redirects, logs,
                Optional.ofNullable(timeout), Optional.ofNullable(keepAlive),
                Optional.ofNullable(maxKeepAliveRequests), Optional.ofNullable(keepAliveTimeout),
                Optional.ofNullable(contactEmail), location.toString());
    }
}
