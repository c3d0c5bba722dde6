package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.renew.DriveException;
import dev.mdj.renew.RetryBackoff;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;
import org.shredzone.acme4j.toolbox.JSON;

class ProblemsTest {

    private static final String USER_ACTION = "urn:ietf:params:acme:error:userActionRequired";

    private static AcmeUserActionRequiredException userAction(String instance, URI tos) throws Exception {
        String json = "{\"type\":\"" + USER_ACTION + "\",\"detail\":\"Terms of service have changed\""
                + (instance == null ? "" : ",\"instance\":\"" + instance + "\"") + "}";
        return new AcmeUserActionRequiredException(new Problem(JSON.parse(json),
                URI.create("https://ca.example/acme/new-order").toURL()), tos);
    }

    @Test
    void newTermsOfServiceAreReportedWithTheirLinkAndThePageToVisit() throws Exception {
        DriveException d = Problems.of(userAction("https://ca.example/agree", URI.create("https://ca.example/tos-2")),
                "Creating new order");

        assertThat(d.problem()).contains(USER_ACTION);
        assertThat(d.detail()).startsWith("Terms of service have changed")
                .contains("<https://ca.example/tos-2>", "<https://ca.example/agree>");
        assertThat(RetryBackoff.isInputRelated(d.problem().orElseThrow())).as("retried daily").isTrue();
    }

    @Test
    void withoutLinksTheDetailSaysSo() throws Exception {
        assertThat(Problems.of(userAction(null, null), "Creating new order").detail())
                .contains("gave no link");
    }
}
