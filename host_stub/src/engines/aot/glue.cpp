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

#include <stdint.h>
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
} hdk_aot_state;

#define HDK_AOT_MAGIC UINT64_C(0x68646b616f742131) /* "hdkaot!1": no pointer has this value */
#define HDK_AOT_STATE(inst) ((hdk_aot_state*)((char*)(inst) - sizeof(hdk_aot_state)))

void hdk_aot_refuel(hdk_aot_state* state);
void hdk_aot_allocate_memory(hdk_aot_state* state, wasm_rt_memory_t* memory, uint32_t initial,
                             uint32_t max);
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

/* wasm2c allocates memories in init_memories(instance): the limit goes in there. */
#define wasm_rt_allocate_memory(memory, initial, max) \
  hdk_aot_allocate_memory(HDK_AOT_STATE(instance), (memory), (initial), (max))

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

void hdk_aot_allocate_memory(hdk_aot_state* s, wasm_rt_memory_t* memory, uint32_t initial,
                             uint32_t max) {
  if (max > s->max_pages) max = s->max_pages;
  if (initial > max) hdk_aot_trap(HDK_AOT_MEMORY_LIMIT);
  (wasm_rt_allocate_memory)(memory, initial, max);
  if (initial > 0 && !memory->data) hdk_aot_trap(HDK_AOT_MEMORY_LIMIT);
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
         std::string(kGlueZomeCall);
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

  c += "\nstatic int hdk_aot_initialized;\n";
  c += "HDK_AOT_API uint32_t hdk_aot_init(void) {\n";
  c += "  if (!hdk_aot_initialized) {\n";
  c += "    wasm_rt_init();\n    " + prefix + "_init_module();\n";
  c += "    hdk_aot_initialized = 1;\n  }\n";
  c += "  return " + std::to_string(kGlueVersion) + "u;\n}\n";
  return c;
}

}  // namespace hdk_host::aot
