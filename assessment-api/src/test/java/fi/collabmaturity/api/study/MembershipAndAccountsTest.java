package fi.collabmaturity.api.study;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.study.AddStudyMember;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and study membership: the last ADMIN stays, a username is one account whatever its case (at creation,
 * at sign-in and in membership, events recorded in another spelling included), members must have an account, and
 * members are listed and removed, which revokes their access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipAndAccountsTest {

    static final Path dataDir = TestData.freshFolder("membership");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "membership-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    CommandGateway commands;
    ApiClient admin;
    ApiClient rita;

    @BeforeAll
    void accounts() {
        admin = new ApiClient(port, "admin", "membership-admin-pw");
        rita = admin.createAccount("rita", "RESEARCHER");
    }

    private static ApiClient.Response status(int expected, ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response;
    }

    @Test
    void theLastAdminCannotBeDeleted() {
        long before = positions.head();
        ApiClient.Response refused = status(409, admin.send("DELETE", "/api/v1/accounts/admin", null, null));
        assertThat(refused.json().path("detail").asText()).contains("last ADMIN");
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);
        assertThat(admin.get("/api/v1/accounts").status()).isEqualTo(200);

        // with a second admin either may go, but not both
        ApiClient second = admin.createAccount("second-admin", "ADMIN");
        status(200, second.send("DELETE", "/api/v1/accounts/ADMIN", null, null));
        status(401, admin.get("/api/v1/accounts"));
        before = positions.head();
        ApiClient.Response self = status(409, second.send("DELETE", "/api/v1/accounts/second-admin", null, null));
        assertThat(self.json().path("detail").asText()).contains("second-admin is the last ADMIN");
        assertThat(positions.head()).isEqualTo(before);
        admin = second;
    }

    @Test
    void aUsernameIsOneAccountWhateverItsCase() {
        ApiClient anyAdmin = anAdmin();
        long before = positions.head();
        for (String taken : List.of("RITA", "Rita")) {
            ApiClient.Response refused = status(409, anyAdmin.post("/api/v1/accounts", "{\"username\":\"" + taken
                    + "\",\"password\":\"long-password-1\",\"roles\":[\"ADMIN\"]}"));
            assertThat(refused.json().path("detail").asText()).contains("rita already exists");
        }
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);

        status(200, anyAdmin.as("RITA", "rita-password-1").get("/api/v1/studies"));
        status(401, anyAdmin.as("RITA", "wrong-password-1").get("/api/v1/studies"));
        // an account named in capitals signs in in any case too
        ApiClient kalle = anyAdmin.createAccount("Kalle", "VIEWER");
        status(200, anyAdmin.get("/api/v1/accounts?minPosition=" + positions.head()));
        status(200, kalle.as("kalle", "Kalle-password-1").get("/api/v1/studies"));
        status(200, kalle.as("KALLE", "Kalle-password-1").get("/api/v1/studies"));
    }

    @Test
    void aDeletedAccountSignsInInNoSpelling() {
        ApiClient dora = anAdmin().createAccount("dora", "RESEARCHER");
        ApiClient shouting = dora.as("DORA", "dora-password-1");
        // another spelling is looked up in the accounts read model: once it has the account
        status(200, anAdmin().get("/api/v1/accounts?minPosition=" + positions.head()));
        status(200, shouting.get("/api/v1/studies"));
        status(200, dora.get("/api/v1/studies"));
        ApiClient.Response deleted = status(200, anAdmin().send("DELETE", "/api/v1/accounts/Dora", null, null));
        assertThat(deleted.json().path("username").asText()).isEqualTo("dora");
        status(401, shouting.get("/api/v1/studies"));
        status(401, dora.get("/api/v1/studies"));
    }

    @Test
    void membersMustHaveAnAccountAndAreRecordedInItsSpelling() {
        status(201, rita.post("/api/v1/studies", Slice.study("needs-accounts")));
        String members = "/api/v1/studies/needs-accounts/members";
        ApiClient gone = anAdmin().createAccount("gone", "VIEWER");
        status(200, anAdmin().send("DELETE", "/api/v1/accounts/gone", null, null));
        long before = positions.head();
        for (String unknown : List.of("nobody", "gone")) {
            ApiClient.Response refused = status(400, rita.post(members, "{\"username\":\"" + unknown
                    + "\",\"role\":\"VIEWER\"}"));
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("username");
        }
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);
        status(401, gone.get("/api/v1/studies"));

        anAdmin().createAccount("vic", "VIEWER");
        ApiClient.Response added = status(201, rita.post(members, "{\"username\":\"VIC\",\"role\":\"VIEWER\"}"));
        assertThat(added.json().path("username").asText()).isEqualTo("vic");
        status(409, rita.post(members, "{\"username\":\"Vic\",\"role\":\"VIEWER\"}"));
        assertThat(usernames(rita.get(members).json())).containsExactly("rita", "vic");
    }

    @Test
    void membersAreListedPagedToResearchersOfTheStudyAndAdmins() {
        status(201, rita.post("/api/v1/studies", Slice.study("listed")));
        String members = "/api/v1/studies/listed/members";
        ApiClient viewer = anAdmin().createAccount("lister-viewer", "VIEWER");
        ApiClient outsider = anAdmin().createAccount("lister-outsider", "RESEARCHER");
        anAdmin().createAccount("lister-b", "RESEARCHER");
        status(201, rita.post(members, "{\"username\":\"lister-viewer\",\"role\":\"VIEWER\"}"));
        status(201, rita.post(members, "{\"username\":\"lister-b\",\"role\":\"RESEARCHER\"}"));

        JsonNode all = status(200, rita.get(members)).json();
        assertThat(all.path("totalElements").asInt()).isEqualTo(3);
        assertThat(all.path("content").get(0).path("username").asText()).isEqualTo("lister-b");
        assertThat(all.path("content").get(0).path("role").asText()).isEqualTo("RESEARCHER");
        JsonNode second = status(200, anAdmin().get(members + "?page=1&size=1")).json();
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(1);
        assertThat(second.path("totalElements").asInt()).isEqualTo(3);
        assertThat(usernames(second)).containsExactly("lister-viewer");
        status(403, viewer.get(members));
        status(404, outsider.get(members));
    }

    @Test
    void removingAMemberRevokesTheirAccess() {
        status(201, rita.post("/api/v1/studies", Slice.study("revoked")));
        String study = "/api/v1/studies/revoked";
        ApiClient vera = anAdmin().createAccount("vera", "VIEWER");
        ApiClient otto = anAdmin().createAccount("otto", "RESEARCHER");
        status(201, rita.post(study + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        status(201, rita.post(study + "/members", "{\"username\":\"otto\",\"role\":\"VIEWER\"}"));
        status(200, vera.get(study));
        status(403, otto.send("DELETE", study + "/members/vera", null, null));

        ApiClient.Response removed = status(200, rita.send("DELETE", study + "/members/VERA", null, null));
        assertThat(removed.json().path("username").asText()).isEqualTo("vera");
        long position = removed.position();
        status(404, vera.get(study));
        status(404, vera.get(study + "/areas"));
        assertThat(vera.get("/api/v1/studies?minPosition=" + position).body()).doesNotContain("revoked");
        assertThat(usernames(rita.get(study + "/members").json())).containsExactly("otto", "rita");
        long before = positions.head();
        status(404, rita.send("DELETE", study + "/members/vera", null, null));
        status(404, rita.send("DELETE", study + "/members/nobody", null, null));
        assertThat(positions.head()).as("nothing recorded").isEqualTo(before);

        // the audit trail names whose membership ended
        JsonNode trail = anAdmin().get(study + "/audit?size=500&minPosition=" + position).json().path("content");
        JsonNode last = trail.get(trail.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("StudyMemberRemoved");
        assertThat(last.path("summary").path("username").asText()).isEqualTo("vera");
        assertThat(last.path("user").asText()).isEqualTo("rita");

        // and a removed member can be added again
        status(201, rita.post(study + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        status(200, vera.get(study));
    }

    @Test
    void theCreatorOfAStudyCanBeRemovedToo() {
        ApiClient creator = anAdmin().createAccount("creator", "RESEARCHER");
        status(201, creator.post("/api/v1/studies", Slice.study("left-behind")));
        assertThat(creator.get("/api/v1/studies?minPosition=" + positions.head()).body()).contains("left-behind");
        ApiClient.Response removed = status(200, anAdmin().send("DELETE",
                "/api/v1/studies/left-behind/members/creator", null, null));
        status(404, creator.get("/api/v1/studies/left-behind"));
        assertThat(creator.get("/api/v1/studies?minPosition=" + removed.position()).body())
                .doesNotContain("left-behind");
    }

    @Test
    void membershipsRecordedInAnotherSpellingCount() {
        ApiClient maija = anAdmin().createAccount("maija", "RESEARCHER");
        status(201, rita.post("/api/v1/studies", Slice.study("legacy")));
        // as recorded before usernames were compared ignoring case, when members needed no account
        commands.sendAndWait(new AddStudyMember("legacy", "MAIJA", "RESEARCHER"));
        status(200, maija.get("/api/v1/studies/legacy"));
        status(201, maija.post("/api/v1/studies/legacy/waves", Slice.wave("w1")));
        assertThat(maija.get("/api/v1/studies?minPosition=" + positions.head()).body()).contains("legacy");
        status(200, rita.send("DELETE", "/api/v1/studies/legacy/members/maija", null, null));
        status(404, maija.get("/api/v1/studies/legacy"));
    }

    /** An admin that exists whichever test ran first (one deletes the initial admin). */
    private ApiClient anAdmin() {
        return admin;
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("content").forEach(m -> names.add(m.path("username").asText()));
        return names;
    }
}
