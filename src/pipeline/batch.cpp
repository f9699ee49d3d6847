#include "pipeline/batch.h"

#include <atomic>
#include <map>
#include <thread>
#include <vector>

namespace warta {

Status RunBatch(Reader& reader, const Pipeline& pipeline, const BatchOptions& options,
                const std::function<Status(const Document&)>& sink, BatchCounts* counts,
                std::map<std::string, uint64_t>* warning_kinds) {
  const int threads = std::max(1, options.threads);
  const size_t capacity = options.chunk * static_cast<size_t>(threads);
  std::vector<Document> chunk(capacity);
  for (bool more = true; more;) {
    // Read a chunk: only this shard's records.
    size_t filled = 0;
    while (filled < capacity) {
      if (!reader.Next(&chunk[filled])) {
        more = false;
        break;
      }
      const uint64_t index = counts->read++;
      if (options.shard_count > 1 && index % options.shard_count != options.shard_index) continue;
      ++filled;
    }
    // Process it: each thread takes the next unprocessed document.
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < filled;) pipeline.Process(&chunk[i]);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && filled > 1; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    // Hand it on in input order.
    for (size_t i = 0; i < filled; ++i) {
      const Document& doc = chunk[i];
      if (Status s = sink(doc); !s.ok()) return s;
      ++counts->written;
      counts->errors += !doc.error.empty();
      counts->warnings += doc.warnings.size();
      if (warning_kinds)
        for (const Warning& w : doc.warnings) ++(*warning_kinds)[w.kind];
    }
    if (options.progress) options.progress(counts->read, reader.bytes_read());
  }
  return {};
}

}  // namespace warta
