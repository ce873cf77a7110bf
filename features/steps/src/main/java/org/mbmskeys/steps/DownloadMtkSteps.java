package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.DownloadMtk;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.traffic.DcfKeyId;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * Download sessions (TS 33.246 §6.3.3.2.1): the BM-SC makes, per file, the MTK message as an application/mikey
 * object for the FLUTE session of the file ({@code Bmsc.downloadMtk}); a UE's download client hands that object to
 * the UE ({@code Ue.receiveMikeyObject}). "That object" is the one the BM-SC made last.
 */
public class DownloadMtkSteps {

    private final MbmsWorld world;
    private final Map<String, KeyGroupRef> sessionGroups = new HashMap<>();
    private DownloadMtk.Ready made;
    private String preparedFile;
    private int capturedBefore;

    public DownloadMtkSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the user service {string} uses the download Key Group {word} for the session {string}")
    public void usesTheDownloadKeyGroupForTheSession(String service, String group, String session) {
        world.defineService(service, ServiceType.DOWNLOAD, group);
        world.bmsc().defineDownloadSession(session, world.group(group));
        sessionGroups.put(session, world.group(group));
    }

    @When("the BM-SC prepares the file {string} of {string}")
    public void preparesTheFile(String file, String session) {
        capturedBefore = world.capture().size();
        preparedFile = file;
        DownloadMtk result = world.bmsc().downloadMtk(session, file);
        assertThat(result).as("what the BM-SC made for %s of %s", file, session).isInstanceOf(DownloadMtk.Ready.class);
        made = (DownloadMtk.Ready) result;
        world.settle();
    }

    /**
     * The object names the file, has the media type, and holds an MTK message (read without keys) naming the current
     * MSK of the session's Key Group and the MTK ID the BM-SC reported; the BM-SC sent nothing itself.
     */
    @Then("the BM-SC made an {string} object for {string}")
    public void madeAnObjectFor(String mediaType, String file) {
        assertThat(made).as("an object the BM-SC made").isNotNull();
        assertThat(made.object().mediaType()).as("the object's media type").isEqualTo(mediaType);
        assertThat(made.object().protects()).as("the file the object names").isEqualTo(file).isEqualTo(preparedFile);
        assertThat(MikeyReader.read(made.object().content())).as("the object's content, read as MIKEY")
                .isInstanceOfSatisfying(OpenResult.Opened.class, o -> {
                    InboundMikey message = (InboundMikey) o.value();
                    assertThat(message).isInstanceOfSatisfying(MtkMessage.class, mtk -> {
                        assertThat(mtk.mskId()).as("the MSK ID it names").isEqualTo(made.msk().mskId());
                        assertThat(mtk.mtkId()).as("the MTK ID it names").isEqualTo(made.mtkId());
                    });
                });
        KeyGroupRef group = KeyGroupRef.of(made.msk());
        assertThat(world.bmsc().currentMsk(group)).as("the current MSK of %s", group).hasValue(made.msk());
        assertThat(world.capture()).as("messages since the BM-SC prepared the file").hasSize(capturedBefore);
    }

    /**
     * With the object the BM-SC gave the OMA DRM DCF keys to protect the file with (§6.5.4, §6.6.3.2): a 16-byte
     * encryption key and a 20-byte authentication key, under the KeyID that names the MTK of the object's message.
     */
    @Then("the BM-SC gave the DCF keys of {string} under the KeyID of the MTK in its object")
    public void gaveTheDcfKeysUnderTheKeyIdOfTheMtkInItsObject(String file) {
        assertThat(made).as("an object the BM-SC made").isNotNull();
        assertThat(made.object().protects()).isEqualTo(file);
        MtkMessage read = (MtkMessage) MikeyReader.read(made.object().content()).orElseThrow();
        assertThat(made.keys().keyId()).as("the KeyID of the file's DCF")
                .isEqualTo(DcfKeyId.of(read.keyDomain(), read.mskId(), read.mtkId()));
        assertThat(made.keys().encryptionKey().length()).as("the encryption key, AES-128").isEqualTo(16);
        assertThat(made.keys().authenticationKey().length()).as("the authentication key, HMAC-SHA1").isEqualTo(20);
        assertThat(made.toString()).as("what the BM-SC gave, printed").doesNotContain(
                made.keys().encryptionKey().revealHex()).doesNotContain(made.keys().authenticationKey().revealHex());
    }

    /** The UE's download client asks for the keys of the file by the KeyID of its DCF, and gets the BM-SC's. */
    @Then("{string} gives the DCF keys of {string} the BM-SC gave")
    public void givesTheDcfKeysTheBmscGave(String ue, String file) {
        assertThat(made).as("an object the BM-SC made").isNotNull();
        assertThat(made.object().protects()).isEqualTo(file);
        Optional<DcfKeys> keys = world.ue(ue).dcfKeys(made.keys().keyId().value());
        try {
            assertThat(keys).as("the DCF keys %s gives for KeyID %s", ue, made.keys().keyId()).hasValueSatisfying(k -> {
                assertThat(k.keyId()).isEqualTo(made.keys().keyId());
                assertThat(k.encryptionKey()).as("the encryption key").isEqualTo(made.keys().encryptionKey());
                assertThat(k.authenticationKey()).as("the authentication key").isEqualTo(made.keys().authenticationKey());
            });
        } finally {
            keys.ifPresent(DcfKeys::destroy);
        }
    }

    @Then("{string} gives no DCF keys for {string}")
    public void givesNoDcfKeysFor(String ue, String file) {
        assertThat(made).as("an object the BM-SC made").isNotNull();
        assertThat(made.object().protects()).isEqualTo(file);
        assertThat(world.ue(ue).dcfKeys(made.keys().keyId().value())).as("the DCF keys %s gives", ue).isEmpty();
    }

    @When("{string} is handed that object by its download client")
    public void isHandedThatObject(String ue) {
        assertThat(made).as("an object the BM-SC made").isNotNull();
        world.ue(ue).receiveMikeyObject(made.object().mediaType(), made.object().content());
        world.settle();
    }

    @Then("{string} opened it with the current MSK of Key Group {word}")
    public void openedItWithTheCurrentMsk(String ue, String group) {
        MskRef current = world.bmsc().currentMsk(world.group(group)).orElseThrow();
        assertThat(world.ueOutcomes()).as("what %s reported", ue).anyMatch(o -> o instanceof UeOutcome.MtkReceived r
                && r.ue().equals(ue) && r.msk().equals(current) && r.mtkId().equals(made.mtkId()));
        List<CurrentMtk> held = world.ue(ue).keyStore().mtks(current.keyDomain(), current.keyGroup());
        try {
            assertThat(held).as("the MTKs %s holds for Key Group %s", ue, group)
                    .anySatisfy(m -> {
                        assertThat(m.msk()).isEqualTo(current);
                        assertThat(m.mtkId()).isEqualTo(made.mtkId());
                        assertThat(m.salt()).as("a download MTK has no salt (§6.4.5.3)").isEmpty();
                    });
        } finally {
            held.forEach(m -> {
                m.key().destroy();
                m.salt().ifPresent(SecretBytes::destroy);
            });
        }
    }
}
