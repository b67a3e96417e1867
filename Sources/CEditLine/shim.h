// libedit's readline-compatible API: Swift cannot call the variadic el_set(),
// and this API covers history, completion, ~/.editrc and reverse search.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <editline/readline.h>

// Swift 6 forbids touching C globals directly (shared mutable state); these accessors
// are the one place the shell reads and sets libedit's globals.
static inline int workshop_editline_getc(FILE *stream);
// Called before rl_initialize, which is when libedit takes rl_getc_function.
static inline void workshop_editline_configure(const char *name, rl_completion_func_t *complete) {
    rl_readline_name = name;
    rl_getc_function = workshop_editline_getc;
    rl_attempted_completion_function = complete;
}
static inline void workshop_editline_completion_over(void) { rl_attempted_completion_over = 1; }
static inline const char *workshop_editline_buffer(void) { return rl_line_buffer; }
static inline int workshop_editline_point(void) { return rl_point; }

// Keys typed ahead of the next prompt (a key pressed at replay's prompt that was not one of
// replay's keys): libedit reads them first, as if typed now, so nothing the learner typed is lost.
// libedit offers no way to push input that survives the start of a line, but it reads every key
// through rl_getc_function when one is set; this one serves the pending keys, then the terminal.
// (The state lives in a function: Swift does not emit a header's static variables.)
struct workshop_editline_keys { unsigned char bytes[256]; size_t count, next; };
static inline struct workshop_editline_keys *workshop_editline_pending(void) {
    static struct workshop_editline_keys keys;
    return &keys;
}

// Whether Ctrl-C came: the shell's SIGINT flag, asked through a function the shell gives.
struct workshop_editline_callbacks { int (*interrupted)(void); };
static inline int workshop_editline_never(void) { return 0; }
static inline struct workshop_editline_callbacks *workshop_editline_hooks(void) {
    static struct workshop_editline_callbacks hooks = { workshop_editline_never };
    return &hooks;
}
static inline void workshop_editline_set_interrupted(int (*interrupted)(void)) {
    workshop_editline_hooks()->interrupted = interrupted;
}

static inline int workshop_editline_byte(FILE *stream) {
    struct workshop_editline_keys *keys = workshop_editline_pending();
    if (keys->next < keys->count) return keys->bytes[keys->next++];
    keys->count = keys->next = 0;
    unsigned char byte;
    while (1) {
        ssize_t count = read(fileno(stream), &byte, 1);
        if (count == 1) return byte;
        // Ctrl-C ends the read with -1, so the editor abandons the line; any other signal (a
        // resized window's SIGWINCH) only interrupted the wait, and the line goes on.
        if (count < 0 && errno == EINTR && !workshop_editline_hooks()->interrupted()) continue;
        return -1;
    }
}

// libedit takes what this returns as one character: decode UTF-8 into its code point.
static inline int workshop_editline_getc(FILE *stream) {
    int first = workshop_editline_byte(stream);
    if (first < 0x80) return first;
    int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    int value = first & (0xFF >> (length + 1));
    for (int i = 1; i < length; i++) {
        int next = workshop_editline_byte(stream);
        if (next < 0) return -1;
        value = (value << 6) | (next & 0x3F);
    }
    return value;
}

static inline void workshop_editline_type_ahead(const char *text) {
    struct workshop_editline_keys *keys = workshop_editline_pending();
    size_t length = strlen(text);
    if (length > sizeof keys->bytes) length = sizeof keys->bytes;
    memcpy(keys->bytes, text, length);
    keys->count = length;
    keys->next = 0;
}

// The newest history entry's text, or NULL when history is empty.
static inline const char *workshop_editline_last_history(void) {
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : 0;
}
