#include "glue.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <set>
#include <vector>

#include "hdk_host/fault.hpp"
#include "module_description.hpp"

namespace hdk_host::aot {
namespace {

constexpr std::string_view kPrelude =
    R"C(/* hdk-cpp aot engine: force-included before wasm2c's output and the glue. */
#ifndef HDK_AOT_PRELUDE_H
#define HDK_AOT_PRELUDE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "wasm-rt.h"

typedef uint64_t (*hdk_aot_dispatch_fn)(void* host, uint32_t import_index, uint32_t ptr,
                                        uint32_t len, int* failed);

/* Per-instance state, right in front of wasm2c's instance struct. */
typedef struct hdk_aot_state {
  _Alignas(64) uint64_t magic; /* HDK_AOT_MAGIC: tells a block from a pointer to one */
  void* host;
  hdk_aot_dispatch_fn dispatch;
  uint64_t fuel;         /* ticks left before the next look at the clock */
  uint64_t deadline_ns;  /* CLOCK_MONOTONIC; 0: none */
  uintptr_t stack_floor; /* a prologue with its frame below this traps */
  uint32_t max_pages;    /* the memory limit */
  uint32_t entries;      /* calls from the host in progress */
  /* The instance's own memory, which the glue allocates: */
  wasm_rt_memory_t* memory;
  uint64_t capacity;   /* bytes allocated (>= its size); beyond the size they are zero */
  uint64_t high_water; /* its largest size since the last restore */
  uint8_t* written;    /* a byte per HDK_AOT_BLOCK of capacity: written since the last restore */
  /* The funcref tables of the snapshot last restored (tables_of), rebased
   * onto this block once, copied into its tables by every restore. */
  void* tables;
  const void* tables_of;
} hdk_aot_state;

#define HDK_AOT_MAGIC UINT64_C(0x68646b616f742131) /* "hdkaot!1": no pointer has this value */
#define HDK_AOT_STATE(inst) ((hdk_aot_state*)((char*)(inst) - sizeof(hdk_aot_state)))

void hdk_aot_refuel(hdk_aot_state* state);
void hdk_aot_allocate_memory(hdk_aot_state* state, wasm_rt_memory_t* memory, uint32_t initial,
                             uint32_t max);
uint32_t hdk_aot_grow_memory(hdk_aot_state* state, wasm_rt_memory_t* memory, uint32_t delta);
void hdk_aot_free_memory(hdk_aot_state* state, wasm_rt_memory_t* memory);

/* Written blocks: a restore from a snapshot copies back only these, plus the
 * HDK_AOT_TAIL bytes after each, where a store that starts in it may end. */
#define HDK_AOT_BLOCK_SHIFT 10
#define HDK_AOT_TAIL 16
static inline void hdk_aot_mark(hdk_aot_state* s, uint64_t offset, uint64_t len) {
  if (len == 0) return;
  const uint64_t first = offset >> HDK_AOT_BLOCK_SHIFT;
  const uint64_t last = (offset + len - 1) >> HDK_AOT_BLOCK_SHIFT;
  memset(s->written + first, 1, (size_t)(last - first + 1));
}
WASM_RT_NO_RETURN void hdk_aot_trap(int code);

/* Every function wasm2c writes starts with
 *   if (++wasm_rt_call_stack_depth > WASM_RT_MAX_CALL_STACK_DEPTH) TRAP(EXHAUSTION);
 * and has its instance in `instance`. The counter becomes a fresh compound
 * literal (the test reads `1 > limit`, and the compiler drops the counter);
 * the limit becomes an expression that ticks the fuel and reads 0, a trap,
 * once the native stack is nearly used up. */
#undef WASM_RT_MAX_CALL_STACK_DEPTH
#define wasm_rt_call_stack_depth (*(uint32_t[1]){0})
#define WASM_RT_MAX_CALL_STACK_DEPTH HDK_AOT_ENTRY_CHECK(HDK_AOT_STATE(instance))
#define HDK_AOT_ENTRY_CHECK(s)                                          \
  ((UNLIKELY(--(s)->fuel == 0) ? hdk_aot_refuel(s) : (void)0),          \
   (uintptr_t)__builtin_frame_address(0) > (s)->stack_floor ? UINT32_MAX : 0u)

/* wasm2c allocates memories in init_memories(instance), grows them in
 * functions and frees them in Z_m_free, all with `instance` at hand: the glue
 * does all three, with the limit and the written blocks. */
#define wasm_rt_allocate_memory(memory, initial, max) \
  hdk_aot_allocate_memory(HDK_AOT_STATE(instance), (memory), (initial), (max))
#define wasm_rt_grow_memory(memory, delta) \
  hdk_aot_grow_memory(HDK_AOT_STATE(instance), (memory), (delta))
#define wasm_rt_free_memory(memory) hdk_aot_free_memory(HDK_AOT_STATE(instance), (memory))

#endif
)C";

constexpr std::string_view kRuntimeHeader =
    R"C(/* hdk-cpp aot engine: force-included into wasm-rt-impl.c, whose traps go to the glue. */
#include "wasm-rt.h"
WASM_RT_NO_RETURN void hdk_aot_trap(int code);
)C";

// A whole zome call in one trampoline (engine.hpp's Instance::zome_call):
// after the module's memory accessor, which it uses.
constexpr std::string_view kGlueZomeCall = R"C(
typedef struct hdk_aot_zome_call_status {
  uint32_t step; /* the entry running or failed: 0 allocate, 1 the function, 2 deallocate */
  uint32_t ptr;  /* the region a bounds check refused, or the size that could not be allocated */
  uint32_t len;
  uint64_t memory_size;
} hdk_aot_zome_call_status;
typedef uint8_t* (*hdk_aot_reserve_fn)(void* sink, uint32_t len);

static int hdk_aot_zome_call_steps(hdk_aot_block* b, hdk_aot_fn allocate, hdk_aot_fn fn,
                                   hdk_aot_fn deallocate, const uint8_t* input, uint32_t len,
                                   hdk_aot_reserve_fn reserve, void* sink,
                                   hdk_aot_zome_call_status* st) {
  uint64_t size = 0;
  st->step = 0;
  const u32 ptr = ((u32(*)(Z_m_instance_t*, u32))allocate)(&b->inst, len);
  if (ptr == 0) {
    st->len = len;
    return HDK_AOT_ALLOCATION_FAILED;
  }
  uint8_t* memory = hdk_aot_memory(b, &size);
  if ((uint64_t)ptr + len > size) {
    st->ptr = ptr, st->len = len, st->memory_size = size;
    return HDK_AOT_INPUT_OUT_OF_BOUNDS;
  }
  if (len) memcpy(memory + ptr, input, len);
  hdk_aot_mark(&b->state, ptr, len);
  st->step = 1;
  const u64 packed = ((u64(*)(Z_m_instance_t*, u32, u32))fn)(&b->inst, ptr, len);
  const u32 out_ptr = (u32)(packed >> 32), out_len = (u32)packed;
  memory = hdk_aot_memory(b, &size); /* the call may have grown it */
  if ((uint64_t)out_ptr + out_len > size) {
    st->ptr = out_ptr, st->len = out_len, st->memory_size = size;
    return HDK_AOT_RESULT_OUT_OF_BOUNDS;
  }
  uint8_t* const out = reserve(sink, out_len);
  if (!out) return HDK_AOT_HOST_FAULT; /* the host holds why */
  if (out_len) memcpy(out, memory + out_ptr, out_len);
  st->step = 2;
  ((void (*)(Z_m_instance_t*, u32, u32))deallocate)(&b->inst, out_ptr, out_len);
  return 0;
}

HDK_AOT_API int hdk_aot_zome_call(void* p, hdk_aot_fn allocate, hdk_aot_fn fn,
                                  hdk_aot_fn deallocate, const uint8_t* input, uint32_t len,
                                  hdk_aot_reserve_fn reserve, void* sink,
                                  hdk_aot_zome_call_status* status, uintptr_t floor,
                                  uint64_t deadline) {
  HDK_AOT_GUARDED(p, floor, deadline,
                  reason = hdk_aot_zome_call_steps(b, allocate, fn, deallocate, input, len,
                                                   reserve, sink, status));
}
)C";

// The fixed part of every glue file, after the #include of wasm2c's header.
constexpr std::string_view kGlueCommon = R"C(
#define HDK_AOT_API __attribute__((visibility("default")))
#define HDK_AOT_PAGE 65536u

_Static_assert(WASM_RT_TRAP_OOB == 1 && WASM_RT_TRAP_INT_OVERFLOW == 2 &&
                   WASM_RT_TRAP_DIV_BY_ZERO == 3 && WASM_RT_TRAP_INVALID_CONVERSION == 4 &&
                   WASM_RT_TRAP_UNREACHABLE == 5 && WASM_RT_TRAP_CALL_INDIRECT == 6 &&
                   WASM_RT_TRAP_UNCAUGHT_EXCEPTION == 7 && WASM_RT_TRAP_EXHAUSTION == 8,
               "the host numbers traps as wasm-rt.h does");

typedef struct hdk_aot_block {
  hdk_aot_state state;
  Z_m_instance_t inst;
} hdk_aot_block;
_Static_assert(offsetof(hdk_aot_block, inst) == sizeof(hdk_aot_state),
               "HDK_AOT_STATE finds the state in front of the instance");

/* The innermost trampoline of this thread, and the reason it was jumped to.
 * tcc has no thread-local storage: there the host keeps the pair, one per
 * thread for all such modules (each trampoline saves and restores the outer
 * target, so modules calling each other through the host still nest). */
#ifdef __TINYC__
typedef struct hdk_aot_tls_t {
  jmp_buf* target;
  int reason;
} hdk_aot_tls_t;
hdk_aot_tls_t* hdk_aot_tls(void);
#define hdk_aot_target (hdk_aot_tls()->target)
#define hdk_aot_reason (hdk_aot_tls()->reason)
#else
static __thread jmp_buf* hdk_aot_target;
static __thread int hdk_aot_reason;
#endif

void hdk_aot_trap(int code) {
  if (!hdk_aot_target) abort(); /* guest code outside any trampoline: a host bug */
  hdk_aot_reason = code;
  longjmp(*hdk_aot_target, 1);
}

static uint64_t hdk_aot_now_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static void hdk_aot_check_deadline(hdk_aot_state* s) {
  if (s->deadline_ns != 0 && hdk_aot_now_ns() >= s->deadline_ns) hdk_aot_trap(HDK_AOT_DEADLINE);
}

void hdk_aot_refuel(hdk_aot_state* s) {
  hdk_aot_check_deadline(s);
  s->fuel = HDK_AOT_FUEL_SLICE;
}

/* The memory's bytes and its written-block map, both at least `bytes` long;
 * what is added is zero. 0 when out of memory (nothing is lost then). */
static int hdk_aot_reserve(hdk_aot_state* s, wasm_rt_memory_t* m, uint64_t bytes) {
  if (bytes <= s->capacity) return 1;
  const uint64_t old_blocks = (s->capacity >> HDK_AOT_BLOCK_SHIFT) + 1;
  const uint64_t blocks = (bytes >> HDK_AOT_BLOCK_SHIFT) + 1;
  uint8_t* written = realloc(s->written, (size_t)blocks);
  if (!written) return 0;
  memset(written + old_blocks, 0, (size_t)(blocks - old_blocks));
  s->written = written;
  /* calloc for a new memory: large ones come zeroed from the kernel, untouched */
  uint8_t* data = m->data ? realloc(m->data, (size_t)bytes) : calloc((size_t)bytes, 1);
  if (!data) return 0;
  if (m->data) memset(data + s->capacity, 0, (size_t)(bytes - s->capacity));
  m->data = data;
  s->capacity = bytes;
  return 1;
}

static int hdk_aot_set_up_memory(hdk_aot_state* s, wasm_rt_memory_t* m, uint64_t bytes) {
  m->data = NULL;
  s->memory = m;
  s->capacity = 0;
  s->written = calloc(1, 1);
  return s->written && hdk_aot_reserve(s, m, bytes);
}

void hdk_aot_allocate_memory(hdk_aot_state* s, wasm_rt_memory_t* memory, uint32_t initial,
                             uint32_t max) {
  if (max > s->max_pages) max = s->max_pages;
  if (initial > max || s->memory) hdk_aot_trap(HDK_AOT_MEMORY_LIMIT); /* one memory only */
  const uint64_t bytes = (uint64_t)initial * HDK_AOT_PAGE;
  if (!hdk_aot_set_up_memory(s, memory, bytes)) hdk_aot_trap(HDK_AOT_MEMORY_LIMIT);
  memory->pages = initial;
  memory->max_pages = max;
  memory->size = (uint32_t)bytes;
  s->high_water = bytes;
}

/* As wasm_rt_grow_memory, within the capacity without copying: the bytes past
 * the size are already zero. */
uint32_t hdk_aot_grow_memory(hdk_aot_state* s, wasm_rt_memory_t* m, uint32_t delta) {
  const uint32_t old_pages = m->pages;
  const uint64_t pages = (uint64_t)old_pages + delta;
  if (pages > m->max_pages || pages * HDK_AOT_PAGE > UINT32_MAX) return (uint32_t)-1;
  const uint64_t bytes = pages * HDK_AOT_PAGE;
  if (!hdk_aot_reserve(s, m, bytes)) return (uint32_t)-1;
  m->pages = (uint32_t)pages;
  m->size = (uint32_t)bytes;
  if (bytes > s->high_water) s->high_water = bytes;
  return old_pages;
}

void hdk_aot_free_memory(hdk_aot_state* s, wasm_rt_memory_t* m) {
  free(m->data);
  m->data = NULL;
  if (s->memory == m) {
    free(s->written);
    s->written = NULL;
    s->memory = NULL;
    s->capacity = 0;
  }
}

/* ---- snapshots: an instance's state once per module; new instances restore it */

typedef struct hdk_aot_memory_image {
  uint8_t* bytes;
  uint32_t pages, max_pages, size;
} hdk_aot_memory_image;

static int hdk_aot_image_memory(hdk_aot_memory_image* image, const wasm_rt_memory_t* m) {
  image->bytes = malloc(m->size ? m->size : 1);
  if (!image->bytes) return 0;
  memcpy(image->bytes, m->data, m->size);
  image->pages = m->pages;
  image->max_pages = m->max_pages;
  image->size = m->size;
  return 1;
}

/* Makes the block's memory the image again: all of it into a new block, else
 * only the blocks written since the last restore (those past the image's size
 * back to zero). 0 when out of memory. */
static int hdk_aot_restore_memory(hdk_aot_state* s, wasm_rt_memory_t* m,
                                  const hdk_aot_memory_image* image) {
  if (!s->memory) {
    if (!hdk_aot_set_up_memory(s, m, image->size)) return 0;
    if (image->size) memcpy(m->data, image->bytes, image->size);
  } else {
    if (image->size > s->capacity) {
      const uint64_t old = s->capacity;
      if (!hdk_aot_reserve(s, m, image->size)) return 0;
      hdk_aot_mark(s, old, image->size - old);
      if (image->size > s->high_water) s->high_water = image->size;
    }
    const uint64_t end = s->high_water;
    const uint64_t blocks = (end + (1u << HDK_AOT_BLOCK_SHIFT) - 1) >> HDK_AOT_BLOCK_SHIFT;
    uint8_t* const written = s->written;
    for (uint64_t i = 0; i < blocks; ++i) {
      if (i + 8 <= blocks) {
        uint64_t word;
        memcpy(&word, written + i, 8);
        if (word == 0) {
          i += 7;
          continue;
        }
      }
      if (!written[i]) continue;
      written[i] = 0;
      const uint64_t from = i << HDK_AOT_BLOCK_SHIFT;
      uint64_t to = from + (1u << HDK_AOT_BLOCK_SHIFT) + HDK_AOT_TAIL;
      if (to > end) to = end;
      const uint64_t copied = to < image->size ? to : image->size;
      if (from < copied) memcpy(m->data + from, image->bytes + from, (size_t)(copied - from));
      const uint64_t zeroed_from = from > image->size ? from : image->size;
      if (zeroed_from < to) memset(m->data + zeroed_from, 0, (size_t)(to - zeroed_from));
    }
  }
  m->pages = image->pages;
  m->size = image->size;
  m->max_pages = image->max_pages < s->max_pages ? image->max_pages : s->max_pages;
  s->high_water = image->size;
  return 1;
}

/* A funcref table's entries, with the module_instance of those that point
 * into the imaged instance kept as offsets (`inside`), to be rebased onto the
 * instance a restore fills. */
typedef struct hdk_aot_funcref_image {
  wasm_rt_funcref_t* entries;
  uint8_t* inside;
  uint32_t size, max_size;
} hdk_aot_funcref_image;

static int hdk_aot_image_funcref_table(hdk_aot_funcref_image* image,
                                       const wasm_rt_funcref_table_t* t, const char* base,
                                       size_t extent) {
  image->entries = malloc((t->size ? t->size : 1) * sizeof(wasm_rt_funcref_t));
  image->inside = malloc(t->size ? t->size : 1);
  if (!image->entries || !image->inside) return 0;
  for (uint32_t i = 0; i < t->size; ++i) {
    wasm_rt_funcref_t entry = t->data[i];
    const char* at = (const char*)entry.module_instance;
    image->inside[i] = at >= base && at < base + extent;
    if (image->inside[i]) entry.module_instance = (void*)(uintptr_t)(at - base);
    image->entries[i] = entry;
  }
  image->size = t->size;
  image->max_size = t->max_size;
  return 1;
}

static void hdk_aot_rebase_funcref_table(wasm_rt_funcref_t* out,
                                         const hdk_aot_funcref_image* image, char* base) {
  for (uint32_t i = 0; i < image->size; ++i) {
    wasm_rt_funcref_t entry = image->entries[i];
    if (image->inside[i]) entry.module_instance = base + (uintptr_t)entry.module_instance;
    out[i] = entry;
  }
}

/* `entries`: the image's, rebased onto this block. */
static int hdk_aot_restore_funcref_table(wasm_rt_funcref_table_t* t,
                                         const hdk_aot_funcref_image* image,
                                         const wasm_rt_funcref_t* entries) {
  if (t->size < image->size || !t->data) {
    wasm_rt_funcref_t* data =
        realloc(t->data, (image->size ? image->size : 1) * sizeof(wasm_rt_funcref_t));
    if (!data) return 0;
    t->data = data;
  }
  if (image->size) memcpy(t->data, entries, image->size * sizeof(wasm_rt_funcref_t));
  t->size = image->size;
  t->max_size = image->max_size;
  return 1;
}

typedef struct hdk_aot_externref_image {
  wasm_rt_externref_t* entries;
  uint32_t size, max_size;
} hdk_aot_externref_image;

static int hdk_aot_image_externref_table(hdk_aot_externref_image* image,
                                         const wasm_rt_externref_table_t* t) {
  image->entries = malloc((t->size ? t->size : 1) * sizeof(wasm_rt_externref_t));
  if (!image->entries) return 0;
  if (t->size) memcpy(image->entries, t->data, t->size * sizeof(wasm_rt_externref_t));
  image->size = t->size;
  image->max_size = t->max_size;
  return 1;
}

static int hdk_aot_restore_externref_table(wasm_rt_externref_table_t* t,
                                           const hdk_aot_externref_image* image) {
  if (t->size < image->size || !t->data) {
    wasm_rt_externref_t* data =
        realloc(t->data, (image->size ? image->size : 1) * sizeof(wasm_rt_externref_t));
    if (!data) return 0;
    t->data = data;
  }
  if (image->size) memcpy(t->data, image->entries, image->size * sizeof(wasm_rt_externref_t));
  t->size = image->size;
  t->max_size = image->max_size;
  return 1;
}

/* The block's per-call state for a new owner, as hdk_aot_create sets it. */
static void hdk_aot_rebind(hdk_aot_block* b, void* host, hdk_aot_dispatch_fn dispatch,
                           uint32_t max_pages) {
  b->state.magic = HDK_AOT_MAGIC;
  b->state.host = host;
  b->state.dispatch = dispatch;
  b->state.max_pages = max_pages;
  b->state.entries = 0;
  b->state.fuel = 0;
  b->state.deadline_ns = 0;
  b->state.stack_floor = 0;
}

/* The host wrote [offset, offset + len) of the memory (clamped to it). */
HDK_AOT_API void hdk_aot_memory_written(void* p, uint64_t offset, uint64_t len) {
  hdk_aot_block* b = (hdk_aot_block*)p;
  const wasm_rt_memory_t* m = b->state.memory;
  if (!m || offset >= m->size) return;
  if (len > m->size - offset) len = m->size - offset;
  hdk_aot_mark(&b->state, offset, len);
}

/* Every import of the ABI's shape comes here. The dispatcher never lets a C++
 * exception out; a failure is reported in `failed` and stops the guest. */
static u64 hdk_aot_call_host(void* env, uint32_t index, u32 ptr, u32 len) {
  /* wasm2c 1.0.32 calls an imported function reached through a table
   * (call_indirect) with the address of the instance's import pointer instead
   * of the pointer itself; the magic tells the two apart. */
  if (((hdk_aot_state*)env)->magic != HDK_AOT_MAGIC) env = *(void**)env;
  hdk_aot_state* s = (hdk_aot_state*)env;
  int failed = 0;
  u64 result = s->dispatch(s->host, index, ptr, len, &failed);
  if (failed) hdk_aot_trap(HDK_AOT_HOST_FAULT);
  hdk_aot_check_deadline(s);
  return result;
}

/* A call from the host: installs this frame as the thread's trap target
 * (restoring the outer one after), and sets the per-call state when no other
 * call of this instance is running. */
#define HDK_AOT_GUARDED(p, floor, deadline, call)   \
  hdk_aot_block* const b = (hdk_aot_block*)(p);     \
  jmp_buf* const outer = hdk_aot_target;            \
  volatile int reason = 0;                          \
  jmp_buf here;                                     \
  if (setjmp(here) == 0) {                          \
    hdk_aot_target = &here;                         \
    if (b->state.entries++ == 0) {                  \
      b->state.stack_floor = (floor);               \
      b->state.deadline_ns = (deadline);            \
      b->state.fuel = HDK_AOT_FUEL_SLICE;           \
    }                                               \
    call;                                           \
  } else {                                          \
    reason = hdk_aot_reason;                        \
  }                                                 \
  b->state.entries--;                               \
  hdk_aot_target = outer;                           \
  return reason

typedef void (*hdk_aot_fn)(void);

HDK_AOT_API void* hdk_aot_create(void* host, hdk_aot_dispatch_fn dispatch, uint32_t max_pages) {
  hdk_aot_block* b = aligned_alloc(_Alignof(hdk_aot_block), sizeof(hdk_aot_block));
  if (!b) return NULL;
  memset(b, 0, sizeof *b);
  b->state.magic = HDK_AOT_MAGIC;
  b->state.host = host;
  b->state.dispatch = dispatch;
  b->state.max_pages = max_pages;
  return b;
}

/* Also after a failed instantiation: the block starts zeroed, and wasm-rt
 * frees what was never allocated as a null pointer. */
HDK_AOT_API void hdk_aot_destroy(void* p) {
  hdk_aot_block* b = (hdk_aot_block*)p;
  Z_m_free(&b->inst);
  free(b->state.tables);
  free(b);
}

HDK_AOT_API int hdk_aot_call_ii_j(void* p, hdk_aot_fn fn, uint32_t a0, uint32_t a1,
                                  uint64_t* result, uintptr_t floor, uint64_t deadline) {
  HDK_AOT_GUARDED(p, floor, deadline,
                  *result = ((u64(*)(Z_m_instance_t*, u32, u32))fn)(&b->inst, a0, a1));
}

HDK_AOT_API int hdk_aot_call_i_i(void* p, hdk_aot_fn fn, uint32_t a0, uint32_t* result,
                                 uintptr_t floor, uint64_t deadline) {
  HDK_AOT_GUARDED(p, floor, deadline, *result = ((u32(*)(Z_m_instance_t*, u32))fn)(&b->inst, a0));
}

HDK_AOT_API int hdk_aot_call_ii_v(void* p, hdk_aot_fn fn, uint32_t a0, uint32_t a1,
                                  uintptr_t floor, uint64_t deadline) {
  HDK_AOT_GUARDED(p, floor, deadline, ((void (*)(Z_m_instance_t*, u32, u32))fn)(&b->inst, a0, a1));
}

HDK_AOT_API int hdk_aot_call_v_i(void* p, hdk_aot_fn fn, uint32_t* result, uintptr_t floor,
                                 uint64_t deadline) {
  HDK_AOT_GUARDED(p, floor, deadline, *result = ((u32(*)(Z_m_instance_t*))fn)(&b->inst));
}
)C";

// wasm2c's stores and bulk-memory helpers, as the C writer of wabt 1.0.32
// defines them, made to mark the blocks they write (HDK_AOT_MARK_STORE,
// HDK_AOT_MARK; the prelude's written-block map): inserted into its .c by
// track_memory_writes(), the stores before their instantiations, the bulk
// helpers as wrappers around wasm2c's own, renamed.
constexpr std::string_view kStoreAnchor = "DEFINE_STORE(i32_store, u32, u32)\n";
constexpr std::string_view kTrackedStores = R"C(/* hdk-cpp: stores mark the block they write. */
#if WABT_BIG_ENDIAN
#error "the aot engine's write tracking assumes a little-endian host"
#endif
#undef DEFINE_STORE
#define DEFINE_STORE(name, t1, t2)                                     \
  static inline void name(wasm_rt_memory_t* mem, u64 addr, t2 value) { \
    MEMCHECK(mem, addr, t1);                                           \
    t1 wrapped = (t1)value;                                            \
    wasm_rt_memcpy(&mem->data[addr], &wrapped, sizeof(t1));            \
    HDK_AOT_MARK_STORE(mem, addr); /* after: the store need not reload data */ \
  }
)C";
constexpr std::string_view kBulkAnchor = "static inline void memory_fill(";
constexpr std::string_view kBulkRenames = R"C(#define memory_fill hdk_w2c_memory_fill
#define memory_copy hdk_w2c_memory_copy
#define memory_init hdk_w2c_memory_init
)C";
constexpr std::string_view kBulkEndAnchor = "typedef struct {\n  uint32_t func_type_index;";
constexpr std::string_view kTrackedBulk = R"C(#undef memory_fill
#undef memory_copy
#undef memory_init
/* hdk-cpp: wasm2c's bulk-memory helpers, marking the range they wrote. */
static inline void memory_fill(wasm_rt_memory_t* mem, u32 d, u32 val, u32 n) {
  hdk_w2c_memory_fill(mem, d, val, n);
  HDK_AOT_MARK(mem, d, n);
}
static inline void memory_copy(wasm_rt_memory_t* dest, const wasm_rt_memory_t* src,
                               u32 dest_addr, u32 src_addr, u32 n) {
  hdk_w2c_memory_copy(dest, src, dest_addr, src_addr, n);
  HDK_AOT_MARK(dest, dest_addr, n);
}
static inline void memory_init(wasm_rt_memory_t* dest, const u8* src, u32 src_size,
                               u32 dest_addr, u32 src_addr, u32 n) {
  hdk_w2c_memory_init(dest, src, src_size, dest_addr, src_addr, n);
  HDK_AOT_MARK(dest, dest_addr, n);
}

)C";

struct Declaration {
  std::string result;
  std::vector<std::string> params;
};

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// The declaration of function `symbol` in wasm2c's header: `[extern] R symbol(P, ...);`.
std::optional<Declaration> find_declaration(std::string_view header, const std::string& symbol) {
  const std::string needle = symbol + "(";
  for (std::size_t pos = header.find(needle); pos != std::string_view::npos;
       pos = header.find(needle, pos + 1)) {
    if (pos == 0 || (header[pos - 1] != ' ' && header[pos - 1] != '*')) continue;
    const std::size_t line_begin = header.rfind('\n', pos) + 1;  // npos + 1 == 0
    const std::size_t close = header.find(')', pos);
    if (close == std::string_view::npos) return std::nullopt;

    Declaration decl;
    decl.result = trim(header.substr(line_begin, pos - line_begin));
    if (decl.result.starts_with("extern ")) decl.result = trim(decl.result.substr(7));
    std::string_view params = header.substr(pos + needle.size(), close - pos - needle.size());
    while (!params.empty()) {
      const std::size_t comma = params.find(',');
      decl.params.push_back(trim(params.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      params.remove_prefix(comma + 1);
    }
    return decl;
  }
  return std::nullopt;
}

// The member of wasm2c's instance struct that holds the module's own memory, if any.
std::optional<std::string> memory_member(std::string_view header) {
  const std::string open = "typedef struct Z_" + std::string(kModuleName) + "_instance_t {";
  const std::size_t begin = header.find(open);
  if (begin == std::string_view::npos) return std::nullopt;
  const std::size_t end = header.find("} Z_", begin);
  std::string_view body = header.substr(begin, end - begin);
  constexpr std::string_view kType = "wasm_rt_memory_t ";  // an imported one is `... *name`
  for (std::size_t pos = body.find(kType); pos != std::string_view::npos;
       pos = body.find(kType, pos + 1)) {
    std::size_t name_end = pos + kType.size();
    while (name_end < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[name_end])) || body[name_end] == '_'))
      ++name_end;
    if (name_end < body.size() && body[name_end] == ';' && name_end > pos + kType.size())
      return std::string(body.substr(pos + kType.size(), name_end - pos - kType.size()));
  }
  return std::nullopt;
}

// The members of wasm2c's instance struct, "type name" in order; nullopt if
// the struct is not there or a line is not of that shape.
struct Member {
  std::string type;
  std::string name;
};
std::optional<std::vector<Member>> instance_members(std::string_view header) {
  const std::string open = "typedef struct Z_" + std::string(kModuleName) + "_instance_t {";
  const std::size_t begin = header.find(open);
  if (begin == std::string_view::npos) return std::nullopt;
  const std::size_t end = header.find("} Z_", begin);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view body = header.substr(begin + open.size(), end - begin - open.size());
  std::vector<Member> members;
  while (!body.empty()) {
    const std::size_t newline = body.find('\n');
    const std::string line = trim(body.substr(0, newline));
    body.remove_prefix(newline == std::string_view::npos ? body.size() : newline + 1);
    if (line.empty()) continue;
    if (line.back() != ';') return std::nullopt;
    std::size_t name_begin = line.size() - 1;
    while (name_begin > 0 && (std::isalnum(static_cast<unsigned char>(line[name_begin - 1])) ||
                              line[name_begin - 1] == '_'))
      --name_begin;
    if (name_begin == 0 || name_begin == line.size() - 1) return std::nullopt;
    members.push_back({trim(std::string_view(line).substr(0, name_begin)),
                       line.substr(name_begin, line.size() - 1 - name_begin)});
  }
  return members;
}

// The C of hdk_aot_snapshot_* and hdk_aot_restore for an instance struct of
// these members: plain values are copied, the one memory and the tables are
// imaged, import pointers point at the new block. Any other member (an
// imported memory, table or global) and no snapshot is offered.
std::string snapshot_functions(const std::optional<std::vector<Member>>& members) {
  std::string image_fields, take, release, check, keep, rebind, rebase, restore;
  std::string funcref_offset = "0";
  bool supported = members.has_value();
  int memories = 0;
  std::size_t funcref = 0, externref = 0;
  for (const Member& member : members ? *members : std::vector<Member>{}) {
    const std::string& t = member.type;
    const std::string field = "b->inst." + member.name;
    if (t == "u32" || t == "u64" || t == "f32" || t == "f64" || t == "bool") continue;
    if (t == "wasm_rt_memory_t") {
      if (memories++) supported = false;
      image_fields += "  hdk_aot_memory_image memory;\n";
      take += "      !hdk_aot_image_memory(&s->memory, &" + field + ") ||\n";
      release += "  free(s->memory.bytes);\n";
      check = "  if (s->memory.pages > max_pages) return HDK_AOT_MEMORY_LIMIT;\n";
      keep += "  const wasm_rt_memory_t own_" + member.name + " = " + field + ";\n";
      rebind += "  " + field + " = own_" + member.name + ";\n";
      restore += "  if (!hdk_aot_restore_memory(&b->state, &" + field +
                 ", &s->memory)) return HDK_AOT_MEMORY_LIMIT;\n";
    } else if (t == "wasm_rt_funcref_table_t" || t == "wasm_rt_externref_table_t") {
      const bool func = t == "wasm_rt_funcref_table_t";
      const std::string image = func ? "s->funcref[" + std::to_string(funcref++) + "]"
                                     : "s->externref[" + std::to_string(externref++) + "]";
      take += func ? "      !hdk_aot_image_funcref_table(&" + image + ", &" + field +
                         ", (const char*)&b->inst, sizeof b->inst) ||\n"
                   : "      !hdk_aot_image_externref_table(&" + image + ", &" + field + ") ||\n";
      release += "  free(" + image + ".entries);\n";
      if (func) release += "  free(" + image + ".inside);\n";
      keep += "  const " + t + " own_" + member.name + " = " + field + ";\n";
      rebind += "  " + field + " = own_" + member.name + ";\n";
      if (func) {
        rebase += "    hdk_aot_rebase_funcref_table(rebased + " + funcref_offset + ", &" + image +
                  ", (char*)&b->inst);\n";
        restore += "  if (!hdk_aot_restore_funcref_table(&" + field + ", &" + image +
                   ", (const wasm_rt_funcref_t*)b->state.tables + " + funcref_offset +
                   ")) return HDK_AOT_MEMORY_LIMIT;\n";
        funcref_offset += " + " + image + ".size";
      } else {
        restore += "  if (!hdk_aot_restore_externref_table(&" + field + ", &" + image +
                   ")) return HDK_AOT_MEMORY_LIMIT;\n";
      }
    } else if (t.starts_with("struct Z_") && t.ends_with("_instance_t*")) {
      rebind += "  " + field + " = (" + t + ")b;\n";
    } else {
      supported = false;
    }
  }
  if (funcref)
    image_fields += "  hdk_aot_funcref_image funcref[" + std::to_string(funcref) + "];\n";
  if (externref)
    image_fields += "  hdk_aot_externref_image externref[" + std::to_string(externref) + "];\n";

  std::string c = "\n/* snapshots (glue.hpp) */\n";
  if (!supported) {
    c += "HDK_AOT_API int hdk_aot_snapshot_supported(void) { return 0; }\n";
    c += "HDK_AOT_API void* hdk_aot_snapshot_take(void* p) {\n  (void)p;\n  return NULL;\n}\n";
    c += "HDK_AOT_API void hdk_aot_snapshot_free(void* s) { (void)s; }\n";
    c += "HDK_AOT_API int hdk_aot_restore(void* p, const void* s, void* host,\n"
         "                                hdk_aot_dispatch_fn dispatch, uint32_t max_pages) {\n"
         "  (void)p, (void)s, (void)host, (void)dispatch, (void)max_pages;\n"
         "  return HDK_AOT_MEMORY_LIMIT;\n}\n";
    return c;
  }
  c += "typedef struct hdk_aot_snapshot {\n  Z_m_instance_t inst;\n" + image_fields +
       "} hdk_aot_snapshot;\n";
  c += "HDK_AOT_API int hdk_aot_snapshot_supported(void) { return 1; }\n";
  c += "HDK_AOT_API void hdk_aot_snapshot_free(void* p) {\n"
       "  hdk_aot_snapshot* s = (hdk_aot_snapshot*)p;\n  if (!s) return;\n" +
       release + "  free(s);\n}\n";
  c += "HDK_AOT_API void* hdk_aot_snapshot_take(void* p) {\n"
       "  hdk_aot_block* b = (hdk_aot_block*)p;\n"
       "  hdk_aot_snapshot* s = (hdk_aot_snapshot*)calloc(1, sizeof(hdk_aot_snapshot));\n"
       "  if (!s) return NULL;\n  s->inst = b->inst;\n"
       "  if (\n" +
       take +
       "      0) {\n    hdk_aot_snapshot_free(s);\n    return NULL;\n  }\n"
       "  return s;\n}\n";
  // What the block owns (its memory's bytes, its tables' entries) survives the
  // copy of the snapshot's struct, so a failed restore leaves nothing shared.
  c += "HDK_AOT_API int hdk_aot_restore(void* p, const void* snapshot, void* host,\n"
       "                                hdk_aot_dispatch_fn dispatch, uint32_t max_pages) {\n"
       "  hdk_aot_block* b = (hdk_aot_block*)p;\n"
       "  const hdk_aot_snapshot* s = (const hdk_aot_snapshot*)snapshot;\n" +
       check + keep + "  b->inst = s->inst;\n" + rebind +
       "  hdk_aot_rebind(b, host, dispatch, max_pages);\n";
  if (funcref) {
    c += "  if (b->state.tables_of != s) {\n"
         "    free(b->state.tables);\n    b->state.tables_of = NULL;\n"
         "    const size_t count = " +
         funcref_offset +
         ";\n"
         "    wasm_rt_funcref_t* rebased = malloc((count ? count : 1) * sizeof *rebased);\n"
         "    b->state.tables = rebased;\n"
         "    if (!rebased) return HDK_AOT_MEMORY_LIMIT;\n" +
         rebase + "    b->state.tables_of = s;\n  }\n";
  }
  c += restore + "  return 0;\n}\n";
  return c;
}

const FuncType kHostFunctionType{{ValType::I32, ValType::I32}, {ValType::I64}};

}  // namespace

std::string mangle(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if ((std::isalnum(byte) && c != 'Z') || c == '_') {
      out.push_back(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "Z%02X", byte);
      out += hex;
    }
  }
  return out;
}

std::string glue_identity() {
  return std::to_string(kGlueVersion) + "/" + std::to_string(kFuelSlice) + "\n" +
         std::string(kPrelude) + std::string(kRuntimeHeader) + std::string(kGlueCommon) +
         std::string(kGlueZomeCall) + std::string(kTrackedStores) + std::string(kBulkRenames) +
         std::string(kTrackedBulk);
}

std::string track_memory_writes(std::string_view module_c, std::string_view header,
                                std::string_view label) {
  const std::size_t stores = module_c.find(kStoreAnchor);
  const std::size_t bulk = module_c.find(kBulkAnchor);
  const std::size_t bulk_end =
      module_c.find(kBulkEndAnchor, bulk == std::string_view::npos ? 0 : bulk);
  if (stores == std::string_view::npos || bulk == std::string_view::npos ||
      bulk_end == std::string_view::npos || stores > bulk)
    throw Fault(FaultKind::Compile,
                std::string(label) +
                    ": wasm2c's C does not define its stores as expected (an unsupported wasm2c "
                    "version?)");
  std::string marks;
  if (const std::optional<std::string> member = memory_member(header)) {
    marks = "#define HDK_AOT_MEMORY_STATE(mem) \\\n  HDK_AOT_STATE((char*)(mem) - offsetof(Z_" +
            std::string(kModuleName) + "_instance_t, " + *member + "))\n";
    marks +=
        "#define HDK_AOT_MARK_STORE(mem, addr) \\\n"
        "  (HDK_AOT_MEMORY_STATE(mem)->written[(addr) >> HDK_AOT_BLOCK_SHIFT] = 1)\n"
        "#define HDK_AOT_MARK(mem, d, n) hdk_aot_mark(HDK_AOT_MEMORY_STATE(mem), (d), (n))\n";
  } else {  // no memory of its own: nothing to track (an imported one is never instantiated)
    marks =
        "#define HDK_AOT_MARK_STORE(mem, addr) ((void)(mem), (void)(addr))\n"
        "#define HDK_AOT_MARK(mem, d, n) ((void)(mem), (void)(d), (void)(n))\n";
  }
  std::string out(module_c.substr(0, stores));
  out += marks;
  out += kTrackedStores;
  out += module_c.substr(stores, bulk - stores);
  out += kBulkRenames;
  out += module_c.substr(bulk, bulk_end - bulk);
  out += kTrackedBulk;
  out += module_c.substr(bulk_end);
  return out;
}

std::string_view prelude_header() { return kPrelude; }
std::string_view runtime_header() { return kRuntimeHeader; }

std::string generate_glue(const ModuleInfo& info, std::string_view header,
                          std::string_view header_file, std::string_view label) {
  const std::string prefix = "Z_" + std::string(kModuleName);
  const auto unexpected = [&](const std::string& what) {
    return Fault(FaultKind::Compile, std::string(label) + ": wasm2c's header does not declare " +
                                         what + " as expected (an unsupported wasm2c version?)");
  };

  std::string c = "/* Generated by hdk-cpp's aot engine: binds wasm2c's output to the host. */\n";
  c += "#include <setjmp.h>\n#include <stddef.h>\n#include <stdlib.h>\n#include <string.h>\n";
  c += "#include <time.h>\n\n#include \"" + std::string(header_file) + "\"\n\n";
  c += "#define HDK_AOT_FUEL_SLICE " + std::to_string(kFuelSlice) + "u\n";
  c += "#define HDK_AOT_HOST_FAULT " + std::to_string(int(TrapCode::HostFault)) + "\n";
  c += "#define HDK_AOT_DEADLINE " + std::to_string(int(TrapCode::Deadline)) + "\n";
  c += "#define HDK_AOT_MEMORY_LIMIT " + std::to_string(int(TrapCode::MemoryLimit)) + "\n";
  c += "#define HDK_AOT_UNSUPPORTED_IMPORT " + std::to_string(int(TrapCode::UnsupportedImport)) +
       "\n";
  c +=
      "#define HDK_AOT_ALLOCATION_FAILED " + std::to_string(int(TrapCode::AllocationFailed)) + "\n";
  c += "#define HDK_AOT_INPUT_OUT_OF_BOUNDS " + std::to_string(int(TrapCode::InputOutOfBounds)) +
       "\n";
  c += "#define HDK_AOT_RESULT_OUT_OF_BOUNDS " + std::to_string(int(TrapCode::ResultOutOfBounds)) +
       "\n";
  c += kGlueCommon;

  // Imports: the ABI's shape goes to the dispatcher, anything else gets a stub
  // that only has to link (the host refuses to instantiate such a module).
  c += "\n/* imports */\n";
  std::set<std::string> defined;
  for (std::size_t i = 0; i < info.imports.size(); ++i) {
    const ImportDesc& imp = info.imports[i];
    const std::string symbol = "Z_" + mangle(imp.module) + "Z_" + mangle(imp.name);
    if (!defined.insert(symbol).second) continue;
    const std::optional<Declaration> decl = find_declaration(header, symbol);
    if (!decl || decl->params.empty()) throw unexpected("import " + imp.module + "." + imp.name);

    std::string params;
    for (std::size_t p = 0; p < decl->params.size(); ++p)
      params += (p ? ", " : "") + decl->params[p] + " a" + std::to_string(p);
    c += decl->result + " " + symbol + "(" + params + ") {\n";
    if (imp.kind == ExternKind::Func && imp.type == kHostFunctionType) {
      if (decl->result != "u64" || decl->params.size() != 3)
        throw unexpected("import " + imp.module + "." + imp.name);
      c += "  return hdk_aot_call_host(a0, " + std::to_string(i) + "u, a1, a2);\n";
    } else {
      c += "  hdk_aot_trap(HDK_AOT_UNSUPPORTED_IMPORT);\n";
    }
    c += "}\n";
  }

  c += "\n/* exports, in module order (null: not a function) */\n";
  c += "static const hdk_aot_fn hdk_aot_exports[] = {\n";
  for (const ExportDesc& exp : info.exports) {
    if (exp.kind != ExternKind::Func) {
      c += "  NULL,\n";
      continue;
    }
    const std::string symbol = prefix + "Z_" + mangle(exp.name);
    if (!find_declaration(header, symbol)) throw unexpected("export " + exp.name);
    c += "  (hdk_aot_fn)&" + symbol + ",\n";
  }
  c += "  NULL};\n";

  c += "\nHDK_AOT_API const char* hdk_aot_module_info(void) {\n  return \"\"";
  const std::string description = describe_module(info);
  for (std::size_t pos = 0; pos < description.size(); pos = description.find('\n', pos) + 1) {
    const std::size_t end = description.find('\n', pos);
    c += "\n      \"" + description.substr(pos, end - pos) + "\\n\"";
  }
  c += ";\n}\n";
  c += "HDK_AOT_API uint32_t hdk_aot_import_count(void) { return " +
       std::to_string(info.imports.size()) + "u; }\n";
  c += "HDK_AOT_API uint32_t hdk_aot_export_count(void) { return " +
       std::to_string(info.exports.size()) + "u; }\n";
  c += "HDK_AOT_API hdk_aot_fn hdk_aot_export_function(uint32_t i) {\n"
       "  return i < hdk_aot_export_count() ? hdk_aot_exports[i] : NULL;\n}\n";

  c += "\nHDK_AOT_API uint8_t* hdk_aot_memory(void* p, uint64_t* size) {\n";
  if (const std::optional<std::string> member = memory_member(header)) {
    c += "  hdk_aot_block* b = (hdk_aot_block*)p;\n";
    c += "  *size = b->inst." + *member + ".size;\n";
    c += "  return b->inst." + *member + ".data;\n}\n";
  } else {
    c += "  (void)p;\n  *size = 0;\n  return NULL;\n}\n";
  }
  c += kGlueZomeCall;

  // wasm2c passes one opaque pointer per imported module; each is the block,
  // whose state comes first, so an import finds the state from it.
  const std::optional<Declaration> instantiate = find_declaration(header, prefix + "_instantiate");
  if (!instantiate || instantiate->params.empty() || instantiate->result != "void")
    throw unexpected(prefix + "_instantiate");
  std::string args = "&b->inst";
  for (std::size_t p = 1; p < instantiate->params.size(); ++p)
    args += ", (" + instantiate->params[p] + ")b";
  c += "\nHDK_AOT_API int hdk_aot_instantiate(void* p, uintptr_t floor, uint64_t deadline) {\n";
  c += "  HDK_AOT_GUARDED(p, floor, deadline, " + prefix + "_instantiate(" + args + "));\n}\n";
  c += snapshot_functions(instance_members(header));

  c += "\nstatic int hdk_aot_initialized;\n";
  c += "HDK_AOT_API uint32_t hdk_aot_init(void) {\n";
  c += "  if (!hdk_aot_initialized) {\n";
  c += "    wasm_rt_init();\n    " + prefix + "_init_module();\n";
  c += "    hdk_aot_initialized = 1;\n  }\n";
  c += "  return " + std::to_string(kGlueVersion) + "u;\n}\n";
  c += "HDK_AOT_API void hdk_aot_fini(void) {\n";
  c += "  if (hdk_aot_initialized) {\n    wasm_rt_free();\n    hdk_aot_initialized = 0;\n  }\n}\n";
  return c;
}

}  // namespace hdk_host::aot
