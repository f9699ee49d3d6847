#include "pipeline/batch.h"

#include <atomic>
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
  const int threads = std::max(1, options.threads);
  const size_t capacity = options.chunk * static_cast<size_t>(threads);
  bool more = true;
  // Reads the next chunk: only this shard's records.
  auto read = [&](Chunk* c) {
    c->docs.resize(capacity);
    c->filled = 0;
    while (more && c->filled < capacity) {
      if (!reader.Next(&c->docs[c->filled])) {
        more = false;
        break;
      }
      const uint64_t index = counts->read++;
      if (options.shard_count > 1 && index % options.shard_count != options.shard_index) continue;
      ++c->filled;
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
    if (options.progress) options.progress(counts->read, reader.bytes_read());
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
  while (current->filled > 0) {
    std::atomic<size_t> taken{0};
    auto work = [&] {
      for (size_t i; (i = taken.fetch_add(1)) < current->filled;) pipeline.Process(&current->docs[i]);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && current->filled > 1; ++t) pool.emplace_back(work);
    Status written = write(*done);
    if (written.ok()) read(next);
    work();
    for (std::thread& t : pool) t.join();
    if (!written.ok()) return written;
    std::swap(done, current);
    std::swap(current, next);
    next->filled = 0;
  }
  return write(*done);
}

}  // namespace warta
