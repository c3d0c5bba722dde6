package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.md.ExternalAccountBinding;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AccountJsonTest {

    private static final String STAGED = "a-basic/2-renewed-staged/store/staging/test1.example.org/account.json";
    private static final String STORED = "a-basic/3-after-graceful/store/accounts/ACME-localhost-0000/account.json";

    private static AccountJson parse(String text) {
        return AccountJson.parse(JsonFiles.readObject(text));
    }

    @Test
    void readsTheStagingCopy() {
        AccountJson account = parse(MdJsonTest.file(STAGED));
        assertThat(account.status()).contains("valid");
        assertThat(account.url()).isEqualTo("https://localhost:14000/my-account/268fce44be8efac9");
        assertThat(account.caUrl()).isEqualTo("https://localhost:14000/dir");
        assertThat(account.contacts()).containsExactly("mailto:admin@example.org");
        assertThat(account.registration().orElseThrow().get("key").get("kty").asString()).isEqualTo("RSA");
        assertThat(account.orders()).contains("https://localhost:14000/list-orderz/268fce44be8efac9");
        assertThat(account.agreement()).isEmpty();
    }

    @Test
    void accountsCopyHasNoRegistration() {
        AccountJson staged = parse(MdJsonTest.file(STAGED));
        assertThat(JsonFiles.write(staged.withoutRegistration().toJson())).isEqualTo(MdJsonTest.file(STORED));
    }

    @Test
    void newAccountInModMdOrder() {
        AccountJson account = AccountJson.of("valid", "https://ca/acct/1", "https://ca/dir", List.of("mailto:a@b"))
                .withAgreement("https://ca/tos").withOrders("https://ca/orders/1")
                .withEab(new ExternalAccountBinding("kid-1", "c2VjcmV0"));
        assertThat(account.toJson().propertyNames())
                .containsExactly("status", "url", "ca-url", "contact", "agreement", "orders", "eab");
        assertThat(account.toJson().get("eab").get("hmac").asString()).isEqualTo("c2VjcmV0");
        assertThat(account.toString()).contains("kid-1").doesNotContain("c2VjcmV0");
    }

    @Test
    void legacyFallbacks() {
        AccountJson account = parse("""
                {"url": "https://ca/acct/1", "ca-url": "https://ca/dir",
                 "registration": {"contact": ["mailto:x@y"]}, "terms-of-service": "https://ca/tos"}""");
        assertThat(account.contacts()).containsExactly("mailto:x@y");
        assertThat(account.agreement()).contains("https://ca/tos");
        assertThat(account.status()).isEmpty();
        ObjectNode out = account.toJson();
        assertThat(out.has("terms-of-service")).isFalse();
        assertThat(out.get("agreement").asString()).isEqualTo("https://ca/tos");
    }

    @Test
    void keepsUnknownKeys() {
        ObjectNode json = JsonFiles.readObject(MdJsonTest.file(STORED));
        json.put("future", 1);
        ObjectNode out = AccountJson.parse(json).withStatus("deactivated").toJson();
        assertThat(out.get("future").asInt()).isEqualTo(1);
        assertThat(out.get("status").asString()).isEqualTo("deactivated");
    }

    @Test
    void requiresUrlAndCaUrl() {
        assertThatThrownBy(() -> parse("{\"ca-url\": \"https://ca/dir\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("account.json lacks the string 'url'");
        assertThatThrownBy(() -> parse("{\"url\": \"https://ca/acct/1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("account.json lacks the string 'ca-url'");
    }
}
