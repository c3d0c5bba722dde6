package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OrderJsonTest {

    private static final String ORDER = "h-errors/h2-validationfail/error-1/store/staging/fail.example.org/order.json";

    @Test
    void readsAnOrder() {
        OrderJson order = OrderJson.parse(JsonFiles.readObject(MdJsonTest.file(ORDER)));
        assertThat(order.status()).isEqualTo("pending");
        assertThat(order.authorizations()).hasSize(1);
        assertThat(order.challengeSetups()).containsExactly("http-01:fail.example.org");
        assertThat(order.finalizeUrl()).startsWith("https://localhost:14000/finalize-order/");
        assertThat(order.certificateUrl()).isNull();
    }

    @Test
    void newOrderInModMdOrder() {
        OrderJson order = OrderJson.of("https://ca/order/1", "pending", List.of("https://ca/authz/1"), List.of(),
                "https://ca/finalize/1", null)
                .withChallengeSetup("dns-01:example.org token")
                .withStatus("valid").withCertificateUrl("https://ca/cert/1");
        assertThat(JsonFiles.write(order.toJson())).isEqualTo("""
                {
                  "url": "https://ca/order/1",
                  "status": "valid",
                  "authorizations": [
                    "https://ca/authz/1"
                  ],
                  "challenge-setups": [
                    "dns-01:example.org token"
                  ],
                  "finalize": "https://ca/finalize/1",
                  "certificate": "https://ca/cert/1"
                }""");
    }

    @Test
    void keepsUnknownKeys() {
        ObjectNode json = JsonFiles.readObject(MdJsonTest.file(ORDER));
        json.put("future", "x");
        OrderJson order = OrderJson.parse(json);
        json.put("after", 1);
        ObjectNode out = order.withStatus("ready").toJson();
        assertThat(out.get("future").asString()).isEqualTo("x");
        assertThat(out.has("after")).isFalse();
        assertThat(out.get("status").asString()).isEqualTo("ready");
    }
}
