package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JobJsonTest {

    private static final String STAGED = "a-basic/2-renewed-staged/store/staging/test1.example.org/job.json";
    private static final String ERRORS = "h-errors/h1-nochallenge/2-third-error/store/staging/test1.example.org/job.json";

    private static JobJson parse(String text) {
        return JobJson.parse(JsonFiles.readObject(text));
    }

    @Test
    void readsAFinishedJob() {
        JobJson job = parse(MdJsonTest.file(STAGED));
        assertThat(job.name()).isEqualTo("test1.example.org");
        assertThat(job.finished()).isTrue();
        assertThat(job.notified()).isTrue();
        assertThat(job.notifiedRenewed()).isTrue();
        assertThat(job.nextRun()).isEmpty();
        assertThat(job.lastRun()).contains(Instant.parse("2026-11-23T09:16:59Z"));
        assertThat(job.validFrom()).contains(Instant.parse("2026-11-23T09:17:01Z"));
        assertThat(job.errors()).isZero();
        assertThat(job.last().orElseThrow().status()).isZero();
        assertThat(job.last().orElseThrow().validFrom()).contains(Instant.parse("2026-11-23T09:17:01Z"));
        assertThat(job.log()).hasSize(33);
        assertThat(job.log().getFirst().type()).isEqualTo("message-renewed");
        assertThat(job.log().getLast().type()).isEqualTo("message-renewing");
    }

    @Test
    void readsErrors() {
        JobJson job = parse(MdJsonTest.file(ERRORS));
        assertThat(job.finished()).isFalse();
        assertThat(job.errors()).isEqualTo(3);
        assertThat(job.nextRun()).contains(Instant.parse("2026-11-23T09:18:09Z"));
        JobResult last = job.last().orElseThrow();
        assertThat(last.status()).isEqualTo(20014);
        assertThat(last.statusDescription()).contains("Internal error (specific information not available)");
        assertThat(last.detail()).hasValueSatisfying(d -> d.startsWith("None of the ACME challenge methods"));
        assertThat(job.log().getFirst().type()).isEqualTo("renewal-error");
    }

    @Test
    void readsProblemEntries() {
        JobJson job = parse(MdJsonTest.file(
                "h-errors/h3-rejected/1-error/store/staging/blocked-domain.example/job.json"));
        JobLogEntry error = job.log().stream().filter(e -> e.type().equals("renewal-error")).findFirst().orElseThrow();
        assertThat(error.status()).contains("urn:ietf:params:acme:error:rejectedIdentifier");
        assertThat(error.detail()).hasValueSatisfying(d -> assertThat(d).contains("\"blocked-domain.example\""));
        assertThat(error.toJson().propertyNames()).containsExactly("when", "type", "status", "detail");
    }

    @Test
    void newJobAndFirstEntries() {
        Instant t = Instant.parse("2026-11-03T09:17:01.500Z");
        JobJson job = JobJson.of("a.example").withLastRun(t)
                .withLogEntry(JobLogEntry.of(t, "starting", null, null))
                .withLogEntry(JobLogEntry.of(t, "progress", null, "Assessing current status"))
                .withLast(JobResult.of(0, null, null, null, "checking", null, null));
        assertThat(JsonFiles.write(job.toJson())).isEqualTo("""
                {
                  "name": "a.example",
                  "finished": false,
                  "notified": false,
                  "notified-renewed": false,
                  "last-run": "Tue, 03 Nov 2026 09:17:01 GMT",
                  "errors": 0,
                  "last": {
                    "status": 0,
                    "activity": "checking"
                  },
                  "log": {
                    "entries": [
                      {
                        "when": "Tue, 03 Nov 2026 09:17:01 GMT",
                        "type": "progress",
                        "detail": "Assessing current status"
                      },
                      {
                        "when": "Tue, 03 Nov 2026 09:17:01 GMT",
                        "type": "starting"
                      }
                    ]
                  }
                }""");
        assertThat(JsonFiles.write(JobJson.of("a.example").toJson())).doesNotContain("log", "last\"");
    }

    @Test
    void logIsNewestFirstAndTrimmedTo128() {
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        JobJson job = JobJson.of("a.example");
        for (int i = 0; i < 200; i++) {
            job = job.withLogEntry(JobLogEntry.of(start.plusSeconds(i), "progress", null, "step " + i));
        }
        List<JobLogEntry> log = job.log();
        assertThat(log).hasSize(JobJson.MAX_LOG_ENTRIES);
        assertThat(log.getFirst().detail()).contains("step 199");
        assertThat(log.getLast().detail()).contains("step 72");
        assertThat(IntStream.range(1, log.size()))
                .allMatch(i -> log.get(i - 1).when().isAfter(log.get(i).when()));
        JobJson reread = JobJson.parse(job.toJson());
        assertThat(reread.log()).hasSize(128);
        assertThat(reread.withLogEntry(JobLogEntry.of(start, "finished", null, null)).log())
                .hasSize(128).first().extracting(JobLogEntry::type).isEqualTo("finished");
    }

    @Test
    void keepsUnknownKeysEverywhere() {
        ObjectNode json = JsonFiles.readObject(MdJsonTest.file(ERRORS));
        json.put("future", "x");
        ((ObjectNode) json.get("last")).put("future-last", 1);
        ((ObjectNode) json.get("log")).put("future-log", true);
        ((ObjectNode) json.get("log").get("entries").get(0)).put("future-entry", "e");
        JobJson job = JobJson.parse(json).withErrors(4).withFinished(true);
        ObjectNode out = job.toJson();
        assertThat(out.get("future").asString()).isEqualTo("x");
        assertThat(out.get("last").get("future-last").asInt()).isEqualTo(1);
        assertThat(out.get("log").get("future-log").asBoolean()).isTrue();
        assertThat(out.get("log").get("entries").get(0).get("future-entry").asString()).isEqualTo("e");
        assertThat(out.get("errors").asInt()).isEqualTo(4);
        assertThat(out.get("finished").asBoolean()).isTrue();
        assertThat(out.propertyNames()).endsWith("log", "future");
    }

    @Test
    void keepsSubproblemsRaw() {
        JobJson job = parse("""
                {"name": "a", "last": {"status": 22, "problem": "urn:ietf:params:acme:error:rejectedIdentifier",
                 "subproblems": [{"type": "urn:x", "identifier": {"type": "dns", "value": "b"}}]}}""");
        JobResult last = job.last().orElseThrow();
        assertThat(last.problem()).contains("urn:ietf:params:acme:error:rejectedIdentifier");
        assertThat(last.subproblems().orElseThrow().get(0).get("identifier").get("value").asString()).isEqualTo("b");
        assertThat(job.toJson().get("last").propertyNames()).containsExactly("status", "problem", "subproblems");
    }

    @Test
    void refusesBrokenTimestamps() {
        assertThatThrownBy(() -> parse("{\"name\": \"a\", \"last-run\": \"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'last-run'");
        assertThatThrownBy(() -> parse("{\"finished\": true}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name'");
    }
}
