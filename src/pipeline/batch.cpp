#include "pipeline/batch.h"

#include <atomic>
#include <barrier>
#include <map>
#include <thread>
#include <vector>

namespace warta {

namespace {

// A chunk of documents in input order; `filled` of them are in use.
struct Chunk {
  std::vector<Document> docs;
  size_t filled = 0;
};

}  // namespace

Status RunBatch(Reader& reader, const Pipeline& pipeline, const BatchOptions& options,
                const std::function<Status(const Document&)>& sink, BatchCounts* counts,
                std::map<std::string, uint64_t>* warning_kinds) {
  return RunBatch([&](Document* doc) { return reader.Next(doc); }, pipeline, options, sink, counts, warning_kinds);
}

Status RunBatch(const std::function<bool(Document*)>& next_document, const Pipeline& pipeline,
                const BatchOptions& options, const std::function<Status(const Document&)>& sink, BatchCounts* counts,
                std::map<std::string, uint64_t>* warning_kinds) {
  const int threads = std::max(1, options.threads);
  const size_t capacity = options.chunk * static_cast<size_t>(threads);
  bool more = true;
  // Reads the next chunk: only this shard's records.
  auto read = [&](Chunk* c) {
    c->docs.resize(capacity);
    c->filled = 0;
    size_t bytes = 0;
    while (more && c->filled < capacity && bytes < options.chunk_bytes) {
      if (!next_document(&c->docs[c->filled])) {
        more = false;
        break;
      }
      const uint64_t index = counts->read++;
      if (options.shard_count > 1 && index % options.shard_count != options.shard_index) continue;
      bytes += c->docs[c->filled++].original.size();
    }
  };
  // Hands a processed chunk on in input order.
  auto write = [&](const Chunk& c) -> Status {
    for (size_t i = 0; i < c.filled; ++i) {
      const Document& doc = c.docs[i];
      if (Status s = sink(doc); !s.ok()) return s;
      ++counts->written;
      counts->errors += !doc.error.empty();
      counts->warnings += doc.warnings.size();
      if (warning_kinds)
        for (const Warning& w : doc.warnings) ++(*warning_kinds)[w.kind];
    }
    if (options.progress) options.progress(counts->read);
    return {};
  };

  // Three chunks turn: while the other threads process one, this thread
  // writes the one before and reads the one after, then helps to finish, so
  // reading and writing overlap the work instead of stopping it.
  Chunk chunks[3];
  Chunk* done = &chunks[0];  // processed, not yet written
  Chunk* current = &chunks[1];
  Chunk* next = &chunks[2];
  read(current);
  // Slot i of every chunk belongs to thread i % threads, so that a slot's
  // document, reused chunk after chunk, keeps its memory with one thread (and
  // its cache); a thread done with its own slots then helps with the others'.
  const size_t n = static_cast<size_t>(threads);
  std::vector<std::atomic<size_t>> taken(n);  // per thread: its slots handed out so far
  auto work = [&](size_t self) {
    for (size_t k = 0; k < n; ++k) {
      const size_t owner = (self + k) % n;
      for (size_t j; owner + (j = taken[owner].fetch_add(1)) * n < current->filled;)
        pipeline.Process(&current->docs[owner + j * n]);
    }
  };
  // The workers live for the whole batch, not one chunk: what a thread keeps
  // warm (its number-word memo, its malloc arena) stays warm. Each chunk is a
  // round between two barriers.
  bool stop = false;
  std::barrier round_start(static_cast<std::ptrdiff_t>(n)), round_end(static_cast<std::ptrdiff_t>(n));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t)
    pool.emplace_back([&, t] {
      for (;;) {
        round_start.arrive_and_wait();
        if (stop) return;
        work(t);
        round_end.arrive_and_wait();
      }
    });
  Status written;
  while (current->filled > 0) {
    for (auto& t : taken) t = 0;
    round_start.arrive_and_wait();
    written = write(*done);
    if (written.ok()) read(next);
    work(0);
    round_end.arrive_and_wait();
    if (!written.ok()) break;
    std::swap(done, current);
    std::swap(current, next);
    next->filled = 0;
  }
  stop = true;
  round_start.arrive_and_wait();
  for (std::thread& t : pool) t.join();
  if (!written.ok()) return written;
  return write(*done);
}

}  // namespace warta
