package dev.mdj.acme;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dns-01: runs {@code <MDChallengeDns01> setup <dns> <token>} and, on teardown,
 * {@code <cmd> teardown <dns>} (MDChallengeDns01Version 1) or {@code <cmd> teardown <dns> <token>}
 * (version 2). The token is base64url(SHA-256(key authorization)), the TXT record's value.
 */
final class Dns01Responder implements ChallengeResponder {

    static final String TYPE = "dns-01";
    private final String command;
    private final int version;
    private final Duration timeout;

    /**
     * @param command the configured command line; null when none is configured
     * @param version MDChallengeDns01Version (1 or 2)
     */
    Dns01Responder(String command, int version, Duration timeout) {
        this.command = command;
        this.version = version;
        this.timeout = timeout;
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
        if (command == null || command.isBlank()) {
            throw new ChallengeSetupException("MDChallengeDns01 is not configured");
        }
        String token = token(answer.keyAuthorization());
        int exit;
        try {
            exit = run(List.of("setup", answer.dns(), token));
        } catch (IOException e) {
            throw new ChallengeSetupException("dns-01 setup command failed for " + answer.dns() + ": " + e.getMessage(), e);
        }
        if (exit != 0) {
            throw new ChallengeSetupException("dns-01 setup command failed for " + answer.dns()
                    + " with exit code " + exit);
        }
        return answer.dns() + " " + token;
    }

    @Override
    public void teardown(String setup) {
        if (command == null || command.isBlank()) {
            return;
        }
        String[] parts = setup.trim().split(" ", 2);
        List<String> args = new ArrayList<>(List.of("teardown", parts[0]));
        if (version >= 2 && parts.length > 1) {
            args.add(parts[1]);
        }
        try {
            int exit = run(args);
            if (exit != 0) {
                AcmeDriver.LOG.warn("dns-01 teardown command for {} exited with {}", parts[0], exit);
            }
        } catch (IOException e) {
            AcmeDriver.LOG.warn("dns-01 teardown command for {} failed: {}", parts[0], e.getMessage());
        }
    }

    /**
     * Runs the command with {@code args} appended: no shell, stdin closed, stdout discarded,
     * stderr logged. A small stand-in for the events package's command runner.
     */
    private int run(List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(split(command));
        argv.addAll(args);
        File err = File.createTempFile("mdj-dns01-", ".err");
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err)
                    .start();
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeout.toSeconds() + " s");
            }
            String stderr = java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8).strip();
            if (!stderr.isEmpty()) {
                AcmeDriver.LOG.info("{}: {}", argv.getFirst(), stderr);
            }
            return p.exitValue();
        } finally {
            err.delete();
        }
    }

    /** Splits a command line on blanks; double quotes group, a backslash escapes the next character. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        boolean have = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                have = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                have = true;
            } else if (Character.isWhitespace(c) && !inQuotes) {
                if (have) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    have = false;
                }
            } else {
                cur.append(c);
                have = true;
            }
        }
        if (have) {
            out.add(cur.toString());
        }
        return out;
    }
}
