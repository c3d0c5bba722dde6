package dev.mdj.acme;

import dev.mdj.events.CommandLineSplitter;
import dev.mdj.events.CommandResult;
import dev.mdj.events.CommandRunner;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * dns-01: runs {@code <MDChallengeDns01> setup <dns> <token>} and, on teardown,
 * {@code <cmd> teardown <dns>} (MDChallengeDns01Version 1) or {@code <cmd> teardown <dns> <token>}
 * (version 2), through the same command runner as MDMessageCmd (no shell, stdin closed, a
 * timeout). The token is base64url(SHA-256(key authorization)), the TXT record's value.
 */
final class Dns01Responder implements ChallengeResponder {

    static final String TYPE = "dns-01";
    private final List<String> command;
    private final int version;
    private final CommandRunner runner;

    /**
     * @param command the configured command line; null when none is configured
     * @param version MDChallengeDns01Version (1 or 2)
     * @param runner runs the command
     */
    Dns01Responder(String command, int version, CommandRunner runner) {
        this.command = command == null || command.isBlank() ? List.of() : CommandLineSplitter.split(command);
        this.version = version;
        this.runner = runner;
    }

    @Override
    public String type() {
        return TYPE;
    }

    static String token(String keyAuthorization) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(TlsAlpn01Certificates.digest(keyAuthorization));
    }

    @Override
    public String setup(Answer answer) throws ChallengeSetupException {
        if (command.isEmpty()) {
            throw new ChallengeSetupException("MDChallengeDns01 is not configured");
        }
        String token = token(answer.keyAuthorization());
        CommandResult result = run(List.of("setup", answer.dns(), token));
        if (!result.succeeded()) {
            throw new ChallengeSetupException("dns-01 setup command failed for " + answer.dns() + ": "
                    + result.error().orElse("exit code " + result.exitCode()));
        }
        return answer.dns() + " " + token;
    }

    @Override
    public void teardown(String setup) {
        if (command.isEmpty()) {
            return;
        }
        String[] parts = setup.trim().split(" ", 2);
        List<String> args = new ArrayList<>(List.of("teardown", parts[0]));
        if (version >= 2 && parts.length > 1) {
            args.add(parts[1]);
        }
        CommandResult result = run(args);
        if (!result.succeeded()) {
            AcmeDriver.LOG.warn("dns-01 teardown command for {} failed: {}", parts[0],
                    result.error().orElse("exit code " + result.exitCode()));
        }
    }

    private CommandResult run(List<String> args) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        return runner.run(argv);
    }
}
