// LeakSanitizer settings built into gazette-index; compiled only in sanitizer builds.
//
// Xapian 1.4's glass compactor allocates its output tables with `new` and deletes them only when
// the compaction succeeds (backends/glass/glass_compact.cc, `vector<GlassTable *> tabs`), so a
// `--compact` stopped by a full disk leaks them once, just before the process exits with status 2.
// libxapian has no frame pointers, so the stacks of those allocations end inside libxapian and can
// only be matched by module. That hides only allocations made by libxapian itself: a Xapian object
// that Gazette leaks is still reported through its handle, which Gazette's own code allocated.
// print_suppressions=0 keeps the suppressed report off stderr, where the error is one line.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define GAZETTE_LEAK_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(GAZETTE_LEAK_SANITIZER)
#define GAZETTE_LEAK_SANITIZER 1
#endif

#ifdef GAZETTE_LEAK_SANITIZER
extern "C" __attribute__((used, visibility("default"))) const char* __lsan_default_suppressions() {
    return "leak:libxapian.so\n";
}

extern "C" __attribute__((used, visibility("default"))) const char* __lsan_default_options() {
    return "print_suppressions=0";
}
#endif
