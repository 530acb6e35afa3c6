package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import gongkai.ledger.internal.LedgerWriter;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The log's public API as API.md gives it, read the way an outside verifier would, with nothing but the JDK. */
@PlatformTest
class LedgerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    LedgerWriter writer;
    @Autowired
    TransparencyLog ledger;

    @BeforeEach
    void someEntries() {
        if (ledger.size() < 10) {
            TestEntries.appendEach(writer, 10);
        }
    }

    @Test
    void theHeadsSignatureVerifiesWithThePublishedKey() throws Exception {
        String sth = read("/api/v1/ledger/sth");
        long treeSize = ((Number) JsonPath.read(sth, "$.treeSize")).longValue();
        String rootHash = JsonPath.read(sth, "$.rootHash");
        long timestamp = ((Number) JsonPath.read(sth, "$.timestamp")).longValue();
        String signature = JsonPath.read(sth, "$.signature");
        String spki = JsonPath.read(sth, "$.publicKey");
        assertThat(rootHash).matches("[0-9a-f]{64}");

        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(spki)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update((treeSize + "|" + rootHash + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();

        verifier.initVerify(key);
        verifier.update(((treeSize + 1) + "|" + rootHash + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).as("another size").isFalse();

        String same = read("/api/v1/ledger/sth?treeSize=" + treeSize);
        assertThat((String) JsonPath.read(same, "$.rootHash")).isEqualTo(rootHash);
    }

    @Test
    void proofsOverHttpProveAnEntryAndThePrefixAgainstSignedHeads() throws Exception {
        String sth = read("/api/v1/ledger/sth");
        int n = ((Number) JsonPath.read(sth, "$.treeSize")).intValue();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String e = read("/api/v1/ledger/entries/" + i);
            assertThat(((Number) JsonPath.read(e, "$.leafIndex")).intValue()).isEqualTo(i);
            String text = JsonPath.read(e, "$.entry");
            entries.add(text.getBytes(StandardCharsets.UTF_8));
            assertThat((String) JsonPath.read(e, "$.leafHash")).isEqualTo(HexFormat.of().formatHex(
                    Rfc6962.mth(List.of(text.getBytes(StandardCharsets.UTF_8)))));
        }
        assertThat((String) JsonPath.read(sth, "$.rootHash")).isEqualTo(HexFormat.of().formatHex(Rfc6962.mth(entries)));

        int m = n / 2;
        String inclusion = read("/api/v1/ledger/proof/inclusion?leafIndex=" + m + "&treeSize=" + n);
        assertThat(((Number) JsonPath.read(inclusion, "$.leafIndex")).intValue()).isEqualTo(m);
        assertThat(((Number) JsonPath.read(inclusion, "$.treeSize")).intValue()).isEqualTo(n);
        List<String> path = JsonPath.read(inclusion, "$.auditPath");
        assertThat(path).isEqualTo(Rfc6962.hex(Rfc6962.path(m, entries)));

        String consistency = read("/api/v1/ledger/proof/consistency?first=" + m + "&second=" + n);
        assertThat(((Number) JsonPath.read(consistency, "$.first")).intValue()).isEqualTo(m);
        assertThat(((Number) JsonPath.read(consistency, "$.second")).intValue()).isEqualTo(n);
        List<String> proof = JsonPath.read(consistency, "$.proof");
        assertThat(proof).isEqualTo(Rfc6962.hex(Rfc6962.proof(m, entries)));
    }

    @Test
    void badParametersGetProblemDetailsNamingThemAndChangeNothing() throws Exception {
        long size = ledger.size();
        long heads = ledger.head().treeSize();
        problem("/api/v1/ledger/proof/inclusion?leafIndex=abc&treeSize=1", 400, "leafIndex");
        problem("/api/v1/ledger/proof/inclusion?treeSize=1", 400, "leafIndex");
        problem("/api/v1/ledger/proof/inclusion?leafIndex=-1&treeSize=2", 400, "leafIndex");
        problem("/api/v1/ledger/proof/inclusion?leafIndex=5&treeSize=5", 400, "leafIndex");
        problem("/api/v1/ledger/proof/inclusion?leafIndex=0&treeSize=0", 400, "treeSize");
        problem("/api/v1/ledger/proof/inclusion?leafIndex=0&treeSize=" + (size + 1), 400, "treeSize");
        problem("/api/v1/ledger/proof/inclusion?leafIndex=0&treeSize=1e3", 400, "treeSize");
        problem("/api/v1/ledger/proof/consistency?first=3&second=2", 400, "first");
        problem("/api/v1/ledger/proof/consistency?first=0&second=2", 400, "first");
        problem("/api/v1/ledger/proof/consistency?first=1&second=" + (size + 1), 400, "second");
        problem("/api/v1/ledger/proof/consistency?first=1", 400, "second");
        problem("/api/v1/ledger/proof/consistency?first=x&second=2", 400, "first");
        problem("/api/v1/ledger/sth?treeSize=-4", 400, "treeSize");
        problem("/api/v1/ledger/sth?treeSize=" + (size + 1000), 404, "treeSize");
        problem("/api/v1/ledger/sth?treeSize=zwei", 400, "treeSize");
        problem("/api/v1/ledger/entries/" + (size + 1000), 404, "leafIndex");
        problem("/api/v1/ledger/entries/minus", 400, "leafIndex");
        assertThat(ledger.size()).isEqualTo(size);
        assertThat(ledger.head().treeSize()).isEqualTo(heads);
    }

    @Test
    void theApiIsOpenAndDescribedInOpenApi() throws Exception {
        mvc.perform(get("/api/v1/ledger/proof/inclusion").param("leafIndex", "0").param("treeSize", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.auditPath").isEmpty());
        mvc.perform(get("/api/v1/ledger/proof/consistency").param("first", "3").param("second", "3"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.proof").isEmpty());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/ledger/proof/consistency")));
    }

    private String read(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void problem(String url, int status, String parameter) throws Exception {
        mvc.perform(get(url))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(parameter)));
    }
}
