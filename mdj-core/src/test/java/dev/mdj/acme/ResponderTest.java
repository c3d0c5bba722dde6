package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.renew.StatusCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponderTest {

    @Test
    void dnsTokenIsBase64UrlSha256OfKeyAuthorization() {
        // RFC 8555 §8.4 style: base64url, no padding, 43 chars
        String t = Dns01Responder.token("abc.def");
        assertThat(t).hasSize(43).doesNotContain("=", "+", "/");
    }

    @Test
    void problemStatusMapping() {
        assertThat(Problems.statusOf("urn:ietf:params:acme:error:rejectedIdentifier", 400)).isEqualTo(StatusCodes.BADARG);
        assertThat(Problems.statusOf("urn:ietf:params:acme:error:unauthorized", 403)).isEqualTo(StatusCodes.EACCES);
        assertThat(Problems.statusOf("urn:ietf:params:acme:error:malformed", 400)).isEqualTo(StatusCodes.EINVAL);
        assertThat(Problems.statusOf("urn:ietf:params:acme:error:accountDoesNotExist", 400)).isEqualTo(StatusCodes.EINVAL);
        assertThat(Problems.statusOf("about:blank", 404)).isEqualTo(StatusCodes.ENOENT);
        assertThat(Problems.statusOf("urn:ietf:params:acme:error:serverInternal", 500)).isEqualTo(StatusCodes.EGENERAL);
        assertThat(Problems.networkStatus(new java.net.ConnectException("refused"))).isEqualTo(StatusCodes.ECONNREFUSED);
        assertThat(Problems.networkStatus(new java.net.http.HttpTimeoutException("slow"))).isEqualTo(StatusCodes.TIMEUP);
        assertThat(Problems.networkStatus(new javax.net.ssl.SSLHandshakeException("bad cert"))).isEqualTo(StatusCodes.ECONNABORTED);
        assertThat(List.of()).isEmpty();
    }
}
