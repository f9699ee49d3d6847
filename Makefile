# The two commands a fresh Debian 12 machine needs (see README.md):
#   make run    install what is missing, build, run warta on the bundled sample
#   make test   install what is missing, build, run every test and the evaluation
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared

.PHONY: deps build run test eval clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/warta extract corpus/articles -o $(BUILD)/sample.jsonl
	@echo "wrote $(BUILD)/sample.jsonl ($$(wc -l < $(BUILD)/sample.jsonl) articles); first record:"
	@head -n 1 $(BUILD)/sample.jsonl

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	bash scripts/eval-all.sh $(BUILD)/warta $(SHARED)

clean:
	rm -rf $(BUILD)
