package org.mbmskeys.adapters.app.run;

/**
 * The GBA bootstrappings the process tests give their BM-SC ({@code bootstrapping.static}) and their UEs ({@code gba}),
 * as YAML, one key per line, unindented.
 */
final class LabSubscribers {

    static final String ALICE = """
            impi: 001010123456781@ims.mnc001.mcc001.3gppnetwork.org
            rand: 23553cbe9637a89d218ae64dae47bf35
            ck: b40ba9a3c58b2a05bbf0d987b21bf8cb
            ik: f769bcd751044604127672711c6d3441
            """;
    static final String BOB = """
            impi: 001010123456782@ims.mnc001.mcc001.3gppnetwork.org
            rand: 9f7c8d021accf4db213ccff0c7f71a6a
            ck: 5dbdbb2954e8f3cde665b046179a5098
            ik: 59a92d3b476a0443487055cf88b2307b
            """;

    private LabSubscribers() {
    }

    /** {@code gba} as an item of the BM-SC's {@code bootstrapping.static} list. */
    static String staticEntry(String gba) {
        return ("- " + gba.replace("\n", "\n  ")).stripTrailing().indent(4);
    }
}
