// Runs the pipeline over a stream of articles with several threads, in
// bounded memory, handing the documents on in input order.
//
//   warta::BatchOptions options{.threads = 2};
//   warta::BatchCounts counts;
//   warta::Status s = warta::RunBatch(reader, *pipeline, options,
//       [&](const warta::Document& doc) { return writer->Write(doc); }, &counts);
//
// Documents are read in chunks; while the threads process a chunk, the
// calling thread writes the chunk before it (in input order) and reads the
// next, then joins the work. Memory is bounded by three chunks, whatever the
// input size: a chunk holds `chunk` documents per thread, or fewer when
// their text passes `chunk_bytes` (an input of large articles).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace warta {

struct BatchOptions {
  int threads = 1;
  size_t chunk = 128;  // documents per thread per chunk
  // A chunk ends early once its articles' text reaches this (news articles
  // are ~3 KB: 128 of them per thread stay far below).
  size_t chunk_bytes = size_t{8} << 20;
  // Sharding over machines: this run processes the records i with
  // i % shard_count == shard_index (records counted from 0 in input order).
  uint32_t shard_index = 0, shard_count = 1;
  // Called after each chunk, from the calling thread, with the records read so far.
  std::function<void(uint64_t articles)> progress;
};

struct BatchCounts {
  uint64_t read = 0;      // records read (all shards)
  uint64_t written = 0;   // documents handed to the sink
  uint64_t errors = 0;    // of those, records with an error
  uint64_t warnings = 0;
};

// Stops at the first sink error (an output that cannot be written).
Status RunBatch(Reader& reader, const Pipeline& pipeline, const BatchOptions& options,
                const std::function<Status(const Document&)>& sink, BatchCounts* counts,
                std::map<std::string, uint64_t>* warning_kinds = nullptr);

// The same over documents from anywhere (the Python module hands over its
// callers' objects): `next_document` fills the next one, false when there are
// no more.
Status RunBatch(const std::function<bool(Document*)>& next_document, const Pipeline& pipeline,
                const BatchOptions& options, const std::function<Status(const Document&)>& sink, BatchCounts* counts,
                std::map<std::string, uint64_t>* warning_kinds = nullptr);

}  // namespace warta
