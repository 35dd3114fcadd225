package fi.collabmaturity.study;

import java.time.LocalDate;

/** A measurement round of a study, as far as the write side needs to know it. */
public record Wave(String waveId, String label, LocalDate opensOn, LocalDate closesOn, boolean closed) {

    Wave closed(boolean value) {
        return new Wave(waveId, label, opensOn, closesOn, value);
    }
}
