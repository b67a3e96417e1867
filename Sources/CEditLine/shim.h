// libedit's readline-compatible API: Swift cannot call the variadic el_set(),
// and this API covers history, completion, ~/.editrc and reverse search.
#include <stdio.h>
#include <editline/readline.h>

// Swift 6 forbids touching C globals directly (shared mutable state); these accessors
// are the one place the shell reads and sets libedit's globals.
static inline void workshop_editline_configure(const char *name, rl_completion_func_t *complete) {
    rl_readline_name = name;
    rl_attempted_completion_function = complete;
}
static inline void workshop_editline_completion_over(void) { rl_attempted_completion_over = 1; }
static inline const char *workshop_editline_buffer(void) { return rl_line_buffer; }
static inline int workshop_editline_point(void) { return rl_point; }
