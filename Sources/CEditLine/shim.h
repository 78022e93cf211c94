// Swift cannot call C variadic functions, and libedit configures everything through the variadic `el_set`,
// `el_get` and `history`. Each wrapper below makes one of those calls with a fixed signature; together they are
// all the libedit the Terminal module uses. `cel_wait_readable` wraps pselect, whose fd_set macros Swift cannot
// use either.
#ifndef METALAB_CEDITLINE_SHIM_H
#define METALAB_CEDITLINE_SHIM_H

#include <histedit.h>
#include <signal.h>
#include <stddef.h>
#include <sys/select.h>
#include <wchar.h>

typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_command_fn)(EditLine *, int);

static inline int cel_set_prompt(EditLine *el, cel_prompt_fn prompt) { return el_set(el, EL_PROMPT, prompt); }
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cel_set_signal_handling(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int cel_set_read_char(EditLine *el, el_rfunc_t read_char) { return el_set(el, EL_GETCFN, read_char); }
static inline int cel_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline int cel_set_terminal_raw(EditLine *el, int raw) { return el_set(el, EL_PREP_TERM, raw); }
static inline int cel_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }

/// Adds an editor command `name` and binds `key` (in libedit's `bind` notation, e.g. "^I") to it.
static inline int cel_add_command(EditLine *el, const char *name, const char *help, cel_command_fn fn,
                                  const char *key) {
    if (el_set(el, EL_ADDFN, name, help, fn) != 0) return -1;
    return el_set(el, EL_BIND, key, name, (const char *)NULL);
}

static inline void *cel_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

/// The terminal's width in columns as libedit knows it (0 if unknown).
static inline int cel_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) return 0;
    return columns;
}

static inline int cel_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int cel_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int cel_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int cel_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int cel_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline int cel_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return 0;
    return ev.num;
}

/// Waits until `fd` is readable, with the signal mask `mask` in force only while waiting (atomically, so a
/// signal that arrives just before the wait still interrupts it). Returns pselect's result.
static inline int cel_wait_readable(int fd, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    return pselect(fd + 1, &readable, NULL, NULL, NULL, mask);
}

#endif
