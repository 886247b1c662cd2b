package dev.studentapi.core.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    /** One number handed in, and what its batch said. */
    private static final class Item extends GroupCommit.Entry {
        final int number;
        String outcome;

        Item(int number) {
            this.number = number;
        }

        void written() {
            outcome = "written";
            finish();
        }

        @Override
        protected void failed(Throwable cause) {
            outcome = "failed: " + cause.getMessage();
        }
    }

    @Test
    void everyEntryOfManyCallersIsWrittenOnceInBatchesOfAtMostTheLimit() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Item> commit = new GroupCommit<>(8, batch -> {
            batches.add(batch.stream().map(item -> item.number).toList());
            batch.forEach(Item::written);
        });
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int number = i;
                outcomes.add(callers.submit(() -> {
                    Item mine = new Item(number);
                    commit.submit(mine);
                    return mine.outcome;
                }));
            }
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo("written");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 8));
        assertThat(batches.stream().flatMap(List::stream).sorted().toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2_000).boxed().toList());
        assertThat(commit.waiting()).isZero();
        assertThat(commit.leading()).isFalse();
    }

    @Test
    void whenTheWriterThrowsTheEntriesItLeftUnfinishedFailWithWhatItThrew() {
        GroupCommit<Item> commit = new GroupCommit<>(4, batch -> {
            throw new IllegalStateException("disk full");
        });
        Item mine = new Item(1);

        commit.submit(mine);

        assertThat(mine.outcome).isEqualTo("failed: disk full");
    }

    @Test
    void anEntryIsSubmittedByTheThreadThatMadeIt() throws Exception {
        GroupCommit<Item> commit = new GroupCommit<>(4, batch -> batch.forEach(Item::written));
        Item madeHere = new Item(1);
        Thread other = new Thread(() -> assertThatThrownBy(() -> commit.submit(madeHere))
                .isInstanceOf(IllegalArgumentException.class));
        other.start();
        other.join();

        commit.submit(madeHere);
        assertThat(madeHere.outcome).isEqualTo("written");
    }
}
