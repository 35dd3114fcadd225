package fi.collabmaturity.projection.maturity;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerMemoTest {

    private record Question(String area) {
    }

    private final AtomicInteger reads = new AtomicInteger();

    private String read(String answer) {
        reads.incrementAndGet();
        return answer;
    }

    @Test
    void theSameQuestionAtTheSamePositionIsAnsweredWithoutReading() {
        AnswerMemo memo = new AnswerMemo(10);
        assertThat(memo.answer(new Question("a1"), 5, () -> read("first"))).isEqualTo("first");
        assertThat(memo.answer(new Question("a1"), 5, () -> read("second"))).isEqualTo("first");
        assertThat(reads).hasValue(1);
    }

    @Test
    void anotherPositionOrQuestionIsReadAgain() {
        AnswerMemo memo = new AnswerMemo(10);
        memo.answer(new Question("a1"), 5, () -> read("at 5"));
        assertThat(memo.answer(new Question("a1"), 6, () -> read("at 6"))).isEqualTo("at 6");
        assertThat(memo.answer(new Question("a2"), 6, () -> read("a2 at 6"))).isEqualTo("a2 at 6");
        // the answer at 6 replaced the one at 5: going back (a replay passing 5 again) reads again
        assertThat(memo.answer(new Question("a1"), 5, () -> read("at 5 again"))).isEqualTo("at 5 again");
        assertThat(reads).hasValue(4);
    }

    @Test
    void theLeastRecentlyUsedAnswerLeavesFirst() {
        AnswerMemo memo = new AnswerMemo(2);
        memo.answer(new Question("a1"), 1, () -> read("a1"));
        memo.answer(new Question("a2"), 1, () -> read("a2"));
        memo.answer(new Question("a1"), 1, () -> read("a1 again")); // a1 used: a2 is now the eldest
        memo.answer(new Question("a3"), 1, () -> read("a3"));
        assertThat(memo.size()).isEqualTo(2);
        assertThat(memo.answer(new Question("a1"), 1, () -> read("a1 read"))).isEqualTo("a1");
        assertThat(memo.answer(new Question("a2"), 1, () -> read("a2 read"))).isEqualTo("a2 read");
        assertThat(reads).hasValue(4);
    }
}
