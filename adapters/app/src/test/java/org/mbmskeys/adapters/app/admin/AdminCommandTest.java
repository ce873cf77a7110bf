package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.admin.AdminLab.impi;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.mbms.keys.MskRef;
import picocli.CommandLine;

/**
 * {@code mbms-keys admin ...} against a running admin API on a real socket: every subcommand's table and
 * {@code --json}, the token from a file or the environment, and clear messages for a refused connection, a wrong
 * token and something unknown.
 */
class AdminCommandTest {

    private final AdminLab lab = new AdminLab();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        lab.close();
    }

    private Path tokenFile(String token) throws IOException {
        Path file = dir.resolve("admin-token");
        Files.writeString(file, token + "\n");
        return file;
    }

    /** {@code mbms-keys admin --url <lab> --token-file <right token> args...}. */
    private CliRun admin(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("admin", "--url", lab.url(), "--token-file", tokenFile(AdminLab.TOKEN).toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Consumer<CommandLine> environment(Map<String, String> env) {
        return cli -> ((AdminCommand) cli.getSubcommands().get("admin").getCommand()).environment = env::get;
    }

    @Test
    void servicesAndKeyGroupsAsTables() throws Exception {
        MskRef msk = lab.bmsc.rotate(AdminLab.NEWS);

        CliRun services = admin("services");
        CliRun groups = admin("key-groups");

        assertThat(services.exitCode()).as(services.err()).isZero();
        assertThat(services.out().lines()).containsExactly(
                "SERVICE  TYPE       KEY GROUPS",
                "news     download   001-01/0101",
                "tv       streaming  001-01/0202");
        assertThat(groups.exitCode()).isZero();
        assertThat(groups.out().lines()).containsExactly(
                "KEY GROUP    TYPE       CURRENT MSK      PREVIOUS MSK",
                "001-01/0101  download   " + msk + "  -",
                "001-01/0202  streaming  -                -");
    }

    @Test
    void jsonIsTheApisAnswerAsItCame() throws Exception {
        CliRun run = admin("services", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCheck.object(run.out())).containsKey("services");
        assertThat(run.out()).isEqualTo(lab.get("/v1/services").body() + System.lineSeparator());
    }

    @Test
    void registrationsPageByPageAndOneByImpi() throws Exception {
        lab.registered("alice", "news");
        lab.registered("bob", "news");

        CliRun firstPage = admin("registrations", "--service", "news", "--limit", "1");
        CliRun secondPage = admin("registrations", "--service", "news", "--limit", "1", "--after", impi(1));
        CliRun one = admin("registrations", "--impi", impi(2));

        assertThat(firstPage.exitCode()).as(firstPage.err()).isZero();
        assertThat(firstPage.out()).contains(impi(1)).doesNotContain(impi(2)).contains("more: --after " + impi(1));
        assertThat(firstPage.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("IMPI").contains("B-TID"));
        assertThat(secondPage.out()).contains(impi(2)).doesNotContain(impi(1) + " ");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("IMPI").contains(impi(2)).contains("services").contains("news");
    }

    @Test
    void rotateMakesANewMskCurrent() throws Exception {
        MskRef before = lab.bmsc.rotate(AdminLab.NEWS);

        CliRun run = admin("rotate", "001-01", "0101");

        MskRef now = lab.bmsc.currentMsk(AdminLab.NEWS).orElseThrow();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(now).isNotEqualTo(before);
        assertThat(run.out()).isEqualTo("Key Group 001-01/0101: MSK " + now + " is current (was " + before + ")"
                + System.lineSeparator());

        CliRun withValidity = admin("rotate", "001-01", "0101", "--seq-low", "10", "--seq-high", "20", "--json");
        assertThat(JsonCheck.object(withValidity.out())).containsEntry("seqLow", 10L).containsEntry("seqHigh", 20L);

        CliRun asPrinted = admin("rotate", "001-01/0101");   // as the other commands print a Key Group
        assertThat(asPrinted.exitCode()).as(asPrinted.err()).isZero();
        assertThat(asPrinted.out()).startsWith("Key Group 001-01/0101: MSK ");
        CliRun half = admin("rotate", "001-01");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("give the Key Group as DOMAIN GROUP (001-01 0101) or DOMAIN/GROUP (001-01/0101); "
                + "got only '001-01'");
    }

    @Test
    void mtkStartNextStopAndTheSessionsTable() throws Exception {
        lab.bmsc.rotate(AdminLab.LIVE);
        lab.registered("alice", "tv");

        CliRun start = admin("mtk", "start", "tv-live");
        lab.settle();
        CliRun running = admin("sessions");
        CliRun next = admin("mtk", "next", "tv-live");
        lab.settle();
        CliRun stop = admin("mtk", "stop", "tv-live");

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).contains("MTK delivery of session 'tv-live': started; now running");
        assertThat(running.out().lines()).element(1).satisfies(l -> assertThat(l).startsWith("tv-live").contains("001-01/0202").endsWith("running"));
        assertThat(next.out()).contains("sent the next MTK");
        assertThat(lab.mtkMessagesTo("alice")).isEqualTo(2);
        assertThat(stop.out()).contains("stopped; now stopped");
        assertThat(lab.bmsc.mtkDeliveryRunning("tv-live")).isFalse();

        CliRun again = admin("mtk", "stop", "tv-live");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("conflict (409)").contains("not running");
        assertThat(admin("mtk", "rewind", "tv-live").exitCode()).isEqualTo(2);
    }

    @Test
    void rocGivesAStreamingSessionTheSendersRolloverCounter() throws Exception {
        lab.bmsc.rotate(AdminLab.LIVE);
        String ssrc = String.format("%08x", lab.bmsc.streamingSession("tv-live").orElseThrow().srtpCs().ssrc());

        CliRun run = admin("roc", "tv-live", "7");
        CliRun table = admin("sessions");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("SRTP rollover counter of session 'tv-live' (SSRC " + ssrc + "): 7; MSK messages "
                + "sealed from now on carry it" + System.lineSeparator());
        assertThat(lab.bmsc.streamingSession("tv-live").orElseThrow().srtpCs().roc()).isEqualTo(7);
        assertThat(table.out().lines()).first().satisfies(h -> assertThat(h).contains("SSRC").contains("ROC"));
        assertThat(table.out().lines()).element(1).satisfies(l -> assertThat(l).startsWith("tv-live").contains(ssrc)
                .containsPattern(" 7 +stopped$"));

        CliRun largest = admin("rollover-counter", "tv-live", "4294967295", "--json");
        assertThat(largest.exitCode()).as(largest.err()).isZero();
        assertThat(JsonCheck.object(largest.out())).containsEntry("rolloverCounter", 4294967295L);
    }

    @Test
    void rocRefusesAnUnknownSessionAndACounterOutsideThirtyTwoBits() throws Exception {
        lab.bmsc.rotate(AdminLab.LIVE);

        CliRun unknown = admin("roc", "radio", "1");
        CliRun tooLarge = admin("roc", "tv-live", "4294967296");
        CliRun negative = admin("roc", "tv-live", "--", "-1");
        CliRun notANumber = admin("roc", "tv-live", "seven");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("not found (404): no streaming session 'radio'");
        assertThat(tooLarge.exitCode()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("ROC is a 32-bit counter, 0 to 4294967295; got 4294967296");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(lab.bmsc.streamingSession("tv-live").orElseThrow().srtpCs().roc()).as("nothing changed").isZero();
    }

    @Test
    void deliveriesByImpiAndByMsk() throws Exception {
        MskRef msk = lab.bmsc.rotate(AdminLab.NEWS);
        lab.registered("alice", "news");

        CliRun byUe = admin("deliveries", "--impi", impi(1));
        CliRun byMsk = admin("deliveries", "--msk", msk.toString());

        assertThat(byUe.exitCode()).as(byUe.err()).isZero();
        assertThat(byUe.out().lines()).hasSize(2).element(1)
                .satisfies(l -> assertThat(l).startsWith(impi(1)).contains(msk.toString()).contains("delivered"));
        assertThat(byMsk.out()).contains(impi(1));
        assertThat(admin("deliveries").exitCode()).as("--impi or --msk is required").isEqualTo(2);
    }

    @Test
    void theTokenMayComeFromTheEnvironment() {
        CliRun run = CliRun.of(environment(Map.of(AdminCommand.TOKEN_ENV, AdminLab.TOKEN)), "admin", "--url", lab.url(), "services");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("news");
    }

    @Test
    void withoutATokenItSaysWhereToGiveOne() {
        CliRun run = CliRun.of(environment(Map.of()), "admin", "--url", lab.url(), "services");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no admin token: give --token-file FILE or set MBMS_KEYS_ADMIN_TOKEN");
    }

    @Test
    void aWrongTokenIsA401WithAHintAndChangesNothing() throws Exception {
        MskRef before = lab.bmsc.rotate(AdminLab.NEWS);

        CliRun run = CliRun.of("admin", "--url", lab.url(), "--token-file", tokenFile("an-other-token-of-enough-length").toString(),
                "rotate", "001-01", "0101");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refused the token (401)").contains("--token-file");
        assertThat(run.err()).doesNotContain("an-other-token");
        assertThat(lab.bmsc.currentMsk(AdminLab.NEWS)).contains(before);
    }

    @Test
    void somethingUnknownIsA404WithTheApisDetail() throws Exception {
        CliRun run = admin("rotate", "001-01", "0999");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not found (404): no Key Group 001-01/0999");
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        CliRun run = CliRun.of("admin", "--url", "http://127.0.0.1:" + closed, "--token-file", tokenFile(AdminLab.TOKEN).toString(),
                "services");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to the admin API at http://127.0.0.1:" + closed)
                .contains("connection refused").contains("--url");
    }

    @Test
    void optionsMayFollowTheSubcommand() throws Exception {
        CliRun run = CliRun.of("admin", "services", "--url", lab.url(), "--token-file", tokenFile(AdminLab.TOKEN).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("news");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() throws Exception {
        CliRun run = CliRun.of("admin", "--url", "ftp://127.0.0.1:1", "--token-file", tokenFile(AdminLab.TOKEN).toString(), "services");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--url must be an http:// URL");
    }
}
