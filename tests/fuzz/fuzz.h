/* fuzz: what the fuzz targets share. Each target defines the libFuzzer entry
 * points (LLVMFuzzerInitialize, LLVMFuzzerTestOneInput); built with
 * -fsanitize=fuzzer it is a fuzzer, linked with replay.c it replays saved
 * inputs (the seed corpus and the regressions) for `make test`.
 *
 * The loaders read files, so inputs are written to a scratch folder made once
 * per process (and removed at exit): scratch/fuzz/ holds copies of the
 * Samsund association and plan, and every other folder of plans/ is linked
 * beside it, so minutes and groups find the associations they name. Harness
 * state is per process on purpose: a fuzzer runs one input at a time. */
#ifndef PP_FUZZ_H
#define PP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#ifndef PLANPRESS_ROOT
#error "build with -DPLANPRESS_ROOT='\"/path/to/the/checkout\"'"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scratch folder for inputs ("…/fuzz" inside it), made on first use. */
const char *fuzz_dir(void);
/* Writes `data` to fuzz_dir()/name, replacing what was there; the path. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);
/* Stops the process with a message: a broken contract is a finding too. */
void fuzz_fail(const char *what) __attribute__((noreturn));

#endif
