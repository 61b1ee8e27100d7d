package dev.convergence.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} promises. Each implementation's test extends this class and
 * supplies a fresh, empty store.
 */
public abstract class ObjectStoreContract {

  protected ObjectStore store;

  /** A new, empty store. */
  protected abstract ObjectStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void readsBackWhatWasWrittenWithItsGeneration() {
    long generation = store.put("runs/acme/one.json", bytes("{\"a\":1}"));

    StoredObject object = store.read("runs/acme/one.json").orElseThrow();

    assertThat(object.contentAsUtf8()).isEqualTo("{\"a\":1}");
    assertThat(object.generation()).isEqualTo(generation);
    assertThat(store.stat("runs/acme/one.json").orElseThrow().size()).isEqualTo(7);
  }

  @Test
  void aMissingObjectReadsAsEmpty() {
    assertThat(store.read("nothing/here.json")).isEmpty();
    assertThat(store.stat("nothing/here.json")).isEmpty();
  }

  @Test
  void createIfAbsentWritesOnlyTheFirstTime() {
    OptionalLong first = store.createIfAbsent("slots/acme/0.json", bytes("first"));
    OptionalLong second = store.createIfAbsent("slots/acme/0.json", bytes("second"));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(store.read("slots/acme/0.json").orElseThrow().contentAsUtf8()).isEqualTo("first");
  }

  @Test
  void everyWriteGivesAHigherGeneration() {
    long first = store.put("k.json", bytes("same"));
    long second = store.put("k.json", bytes("same"));
    long third = store.replaceIfGeneration("k.json", bytes("same"), second).orElseThrow();

    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
  }

  @Test
  void replaceIfGenerationSucceedsOnlyAtTheExpectedGeneration() {
    long generation = store.put("runs/acme/r.json", bytes("v1"));

    OptionalLong replaced = store.replaceIfGeneration("runs/acme/r.json", bytes("v2"), generation);
    OptionalLong stale = store.replaceIfGeneration("runs/acme/r.json", bytes("v3"), generation);

    assertThat(replaced).isPresent();
    assertThat(stale).isEmpty();
    StoredObject now = store.read("runs/acme/r.json").orElseThrow();
    assertThat(now.contentAsUtf8()).isEqualTo("v2");
    assertThat(now.generation()).isEqualTo(replaced.getAsLong());
  }

  @Test
  void replaceIfGenerationOfAMissingObjectWritesNothing() {
    assertThat(store.replaceIfGeneration("absent.json", bytes("x"), 1L)).isEmpty();
    assertThat(store.read("absent.json")).isEmpty();
  }

  @Test
  void deleteIfGenerationDeletesOnlyAtTheExpectedGeneration() {
    long old = store.put("d.json", bytes("v1"));
    long current = store.put("d.json", bytes("v2"));

    assertThat(store.deleteIfGeneration("d.json", old)).isFalse();
    assertThat(store.read("d.json")).isPresent();
    assertThat(store.deleteIfGeneration("d.json", current)).isTrue();
    assertThat(store.read("d.json")).isEmpty();
    assertThat(store.deleteIfGeneration("d.json", current)).isFalse();
  }

  @Test
  void deleteSaysWhetherThereWasAnObject() {
    store.put("gone.json", bytes("x"));

    assertThat(store.delete("gone.json")).isTrue();
    assertThat(store.delete("gone.json")).isFalse();
    assertThat(store.read("gone.json")).isEmpty();
  }

  @Test
  void aDeletedKeyCanBeCreatedAgain() {
    long first = store.createIfAbsent("again.json", bytes("one")).orElseThrow();
    store.deleteIfGeneration("again.json", first);

    long second = store.createIfAbsent("again.json", bytes("two")).orElseThrow();

    assertThat(second).isNotEqualTo(first);
    assertThat(store.read("again.json").orElseThrow().contentAsUtf8()).isEqualTo("two");
  }

  @Test
  void listsByPrefixSortedWithSizesAndGenerations() {
    long b = store.put("ledger/runs/acme/b.json", bytes("bb"));
    long a = store.put("ledger/runs/acme/a.json", bytes("a"));
    store.put("ledger/runs/acme_two/c.json", bytes("c"));
    store.put("ledger/slots/acme/0.json", bytes("s"));

    List<ObjectInfo> listed = store.list("ledger/runs/acme/");

    assertThat(listed)
        .extracting(ObjectInfo::key, ObjectInfo::size, ObjectInfo::generation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ledger/runs/acme/a.json", 1L, a),
            org.assertj.core.groups.Tuple.tuple("ledger/runs/acme/b.json", 2L, b));
  }

  @Test
  void aPrefixNeedNotEndAtASlash() {
    store.put("days/acme/2026-11-01.json", bytes("1"));
    store.put("days/acme/2026-11-02.json", bytes("2"));
    store.put("days/acme/2026-12-01.json", bytes("3"));

    assertThat(store.list("days/acme/2026-11-"))
        .extracting(ObjectInfo::key)
        .containsExactly("days/acme/2026-11-01.json", "days/acme/2026-11-02.json");
    assertThat(store.list("days/nobody/")).isEmpty();
  }

  @Test
  void theEmptyPrefixListsEverything() {
    store.put("a/1.json", bytes("1"));
    store.put("b.json", bytes("2"));

    assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a/1.json", "b.json");
  }

  @Test
  void rejectsKeysThatCouldEscapeOrConfuse() {
    for (String bad :
        List.of("", "/abs.json", "a/../b.json", "a//b.json", "./a.json", "a b.json")) {
      assertThatThrownBy(() -> store.put(bad, bytes("x")))
          .as("key '%s'", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid object key '" + bad + "'");
    }
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void concurrentCreatesOfOneKeyHaveExactlyOneWinner() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int writer = i;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                return store.createIfAbsent("race.json", bytes("writer " + writer)).isPresent();
              }));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> attempt : attempts) {
      winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
  }

  @Test
  void concurrentCompareAndSwapIncrementsLoseNoUpdate() throws Exception {
    store.put("counter.json", bytes("0"));
    int threads = 8;
    int incrementsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger conflicts = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            try {
              for (int i = 0; i < incrementsEach; i++) {
                while (true) {
                  StoredObject current = store.read("counter.json").orElseThrow();
                  int value = Integer.parseInt(current.contentAsUtf8());
                  if (store
                      .replaceIfGeneration(
                          "counter.json", bytes(Integer.toString(value + 1)), current.generation())
                      .isPresent()) {
                    break;
                  }
                  conflicts.incrementAndGet();
                }
              }
            } catch (Throwable e) {
              errors.add(e);
            } finally {
              done.countDown();
            }
          });
    }
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();

    assertThat(errors).isEmpty();
    assertThat(store.read("counter.json").orElseThrow().contentAsUtf8())
        .isEqualTo(Integer.toString(threads * incrementsEach));
  }
}
