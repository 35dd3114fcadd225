package fi.collabmaturity.account;

/** Accounts live in the event log under an identifier no study, area or record can have. */
public final class AccountIds {

    private AccountIds() {
    }

    public static String aggregateId(String username) {
        return "#account:" + username;
    }
}
