/*
 * pack.c — pack files and installed packs (see pack.h). libarchive enters the program here
 * only (checked by tests/layers_test.sh).
 *
 * Why the manifest comes first: the installer reads it, checks its signature against this
 * installation's trusted keys, and only then looks at the other entries; each is accepted only
 * when its name is safe, the manifest lists it, and the bytes hash to what the manifest says.
 * A pack is small (the bundled set is 1.4 MB), so an entry is read into memory, hashed and only
 * then written: a damaged entry never reaches the disk.
 */
#define _GNU_SOURCE /* syncfs: one flush of the unpacked pack instead of one per file */
#include "pack.h"

#include "archive_lib.h" /* libarchive, opened for the first pack file */

#include "../core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define PACK_SIG_MAX   (4u * 1024u * 1024u)
#define PACK_TOTAL_MAX (512u * 1024u * 1024u) /* every entry together, unpacked */
#define INFO_MAGIC     "mfc-trainer pack info 1\n"

void pack_info_free(PackInfo *info)
{
    if (!info)
        return;
    free(info->changelog);
    memset(info, 0, sizeof *info);
}

int pack_name_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n >= PACK_NAME_MAX || s[0] == '.')
        return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* ---- pack.info -------------------------------------------------------------------------- */

/* 1 when the changelog is UTF-8 without control characters other than newline and tab. */
static int text_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        int more = c < 0x80             ? 0
                   : (c & 0xe0) == 0xc0 ? 1
                   : (c & 0xf0) == 0xe0 ? 2
                   : (c & 0xf8) == 0xf0 ? 3
                                        : -1;
        if (more < 0 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return 0;
        if (end - p <= more)
            return 0;
        for (int i = 1; i <= more; i++)
            if ((p[i] & 0xc0) != 0x80)
                return 0;
        p += more + 1;
    }
    return 1;
}

static void info_text(SimBuf *b, const char *name, const char *version, const char *built,
                      const char *changelog)
{
    simbuf_puts(b, INFO_MAGIC);
    simbuf_printf(b, "name %s\nversion %s\nbuilt %s\nchangelog\n", name, version, built);
    if (changelog && *changelog) {
        size_t n = strlen(changelog);
        while (n > 0 && (changelog[n - 1] == '\n' || changelog[n - 1] == ' ' ||
                         changelog[n - 1] == '\r' || changelog[n - 1] == '\t'))
            n--;
        simbuf_append(b, changelog, n);
        simbuf_puts(b, "\n");
    }
}

/* Parses pack.info into info (name, version, built, changelog). */
static int info_parse(const char *text, size_t len, PackInfo *info)
{
    size_t m = strlen(INFO_MAGIC);
    if (len < m || memcmp(text, INFO_MAGIC, m) != 0 || !text_ok(text, len))
        return 0;
    const char *p = text + m, *end = text + len;
    const char *keys[] = {"name ", "version ", "built "};
    char *slots[] = {info->name, info->version, info->built};
    size_t sizes[] = {sizeof info->name, sizeof info->version, sizeof info->built};
    for (int k = 0; k < 3; k++) {
        size_t kl = strlen(keys[k]);
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e || (size_t)(e - p) <= kl || strncmp(p, keys[k], kl) != 0 ||
            (size_t)(e - p - (ptrdiff_t)kl) >= sizes[k])
            return 0;
        memcpy(slots[k], p + kl, (size_t)(e - p) - kl);
        slots[k][(size_t)(e - p) - kl] = '\0';
        p = e + 1;
    }
    if ((size_t)(end - p) < 10 || strncmp(p, "changelog\n", 10) != 0)
        return 0;
    p += 10;
    size_t n = (size_t)(end - p);
    while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == ' '))
        n--;
    free(info->changelog);
    info->changelog = sim_strndup(p, n);
    return info->changelog && pack_name_ok(info->name) && pack_name_ok(info->version);
}

/* The pack's hash from its manifest: BLAKE2b-256 over the "file …" lines, which is what
 * sec_pack_check computes over an intact installed copy. */
static void manifest_hash(const SecManifest *m, char out[2 * SEC_HASH_BYTES + 1])
{
    SimBuf b;
    simbuf_init(&b);
    for (size_t i = 0; i < m->count; i++) {
        char hex[2 * SEC_HASH_BYTES + 1];
        sec_hex(hex, m->hashes[i], SEC_HASH_BYTES);
        simbuf_printf(&b, "file %s %s\n", hex, m->paths[i]);
    }
    unsigned char h[SEC_HASH_BYTES];
    sec_hash(h, simbuf_str(&b), b.len);
    sec_hex(out, h, SEC_HASH_BYTES);
    simbuf_free(&b);
}

/* The archive name of a manifest path, and back. */
static char *archive_name(const char *rel)
{
    SimBuf b;
    simbuf_init(&b);
    if (strncmp(rel, "../scripts/", 11) == 0)
        simbuf_printf(&b, "scripts/%s", rel + 11);
    else
        simbuf_printf(&b, "scenarios/%s", rel);
    return simbuf_take(&b);
}

static char *manifest_name(const char *entry)
{
    SimBuf b;
    simbuf_init(&b);
    if (strncmp(entry, "scripts/", 8) == 0)
        simbuf_printf(&b, "../scripts/%s", entry + 8);
    else if (strncmp(entry, "scenarios/", 10) == 0)
        simbuf_puts(&b, entry + 10);
    else {
        simbuf_free(&b);
        return NULL;
    }
    return simbuf_take(&b);
}

/* ---- small file helpers ----------------------------------------------------------------- */

static int fsync_path(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Writes data to path (a new file); with durable, fsyncs it (else the caller syncs the file
 * system once, see install). */
static int write_file(const char *path, const void *data, size_t len, int durable)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    int rc = durable ? fsync(fd) : 0;
    return close(fd) == 0 && rc == 0 ? 0 : -1;
}

/* Replaces the one-line file dir/name with value: new file, fsync, rename, fsync the folder. */
static int write_pointer(const char *dir, const char *name, const char *value)
{
    SimBuf tmp, fin;
    simbuf_init(&tmp);
    simbuf_init(&fin);
    simbuf_printf(&tmp, "%s/.%s.tmp", dir, name);
    simbuf_printf(&fin, "%s/%s", dir, name);
    unlink(simbuf_str(&tmp));
    SimBuf v;
    simbuf_init(&v);
    simbuf_printf(&v, "%s\n", value);
    int rc = write_file(simbuf_str(&tmp), simbuf_str(&v), v.len, 1);
    if (rc == 0)
        rc = rename(simbuf_str(&tmp), simbuf_str(&fin));
    if (rc == 0)
        rc = fsync_path(dir, 1);
    else
        unlink(simbuf_str(&tmp));
    simbuf_free(&v);
    simbuf_free(&tmp);
    simbuf_free(&fin);
    return rc;
}

/* Reads the one-line file dir/name into out (size PACK_NAME_MAX) when it names a version. */
static int read_pointer(const char *dir, const char *name, char *out)
{
    out[0] = '\0';
    char *path = sim_path_join(dir, name);
    char *text = NULL;
    size_t len = 0;
    int ok = path && sim_read_file(path, 256, &text, &len, NULL) == SIM_OK;
    free(path);
    if (!ok)
        return 0;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
        text[--len] = '\0';
    ok = pack_name_ok(text);
    if (ok)
        snprintf(out, PACK_NAME_MAX, "%s", text);
    free(text);
    return ok;
}

/* Removes a tree without following links. */
static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *de;
            while ((de = readdir(d)) != NULL) {
                if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                    continue;
                char *sub = sim_path_join(path, de->d_name);
                if (sub)
                    remove_tree(sub);
                free(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Makes every file and folder of a freshly written tree durable: one syncfs of the file
 * system that holds it (the files were written without a flush each, which made an install of
 * the bundled set ten times slower than tar), with fsync of each file and folder as the
 * fallback where syncfs fails. */
static int fsync_tree(const char *path);
static int sync_tree(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = syncfs(fd);
    close(fd);
    return rc == 0 ? 0 : fsync_tree(path);
}

/* fsyncs every file and folder of a tree. */
static int fsync_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *sub = sim_path_join(path, de->d_name);
        struct stat st;
        if (sub && lstat(sub, &st) == 0 &&
            (S_ISDIR(st.st_mode) ? fsync_tree(sub) : fsync_path(sub, 0)) != 0)
            rc = -1;
        free(sub);
    }
    closedir(d);
    return fsync_path(path, 1) == 0 ? rc : -1;
}

/* Creates the folders of a relative file name under base. */
static int make_parents(const char *base, const char *rel)
{
    char *copy = sim_strdup(rel);
    if (!copy)
        return -1;
    int rc = 0;
    for (char *s = strchr(copy, '/'); s && rc == 0; s = strchr(s + 1, '/')) {
        *s = '\0';
        char *dir = sim_path_join(base, copy);
        if (!dir || (mkdir(dir, 0755) != 0 && errno != EEXIST))
            rc = -1;
        free(dir);
        *s = '/';
    }
    free(copy);
    return rc;
}

/* A test hook: MFC_PACK_TEST_PAUSE=entry:N|renamed|pointer stops the installer there (it
 * waits for a signal), so tests/pack_test.sh can kill it at a known moment. */
static void test_pause(const char *point, size_t n)
{
    const char *want = getenv("MFC_PACK_TEST_PAUSE");
    if (!want || !*want)
        return;
    char here[64];
    if (n)
        snprintf(here, sizeof here, "%s:%zu", point, n);
    else
        snprintf(here, sizeof here, "%s", point);
    if (strcmp(want, here) == 0)
        for (;;)
            pause();
}

/* ---- building --------------------------------------------------------------------------- */

static SimStatus archive_fail(struct archive *a, SimError *err, const char *file)
{
    const char *m = archive_error_string(a);
    return sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), file, m ? m : "?");
}

static int add_entry(struct archive *a, const char *name, const void *data, size_t len,
                     time_t mtime)
{
    struct archive_entry *e = archive_entry_new();
    if (!e)
        return -1;
    archive_entry_set_pathname(e, name);
    archive_entry_set_size(e, (la_int64_t)len);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, mtime, 0);
    int rc = archive_write_header(a, e) == ARCHIVE_OK &&
                     (len == 0 || archive_write_data(a, data, len) == (la_ssize_t)len)
                 ? 0
                 : -1;
    archive_entry_free(e);
    return rc;
}

SimStatus pack_build(const PackBuildOptions *o, PackInfo *info, SimError *err)
{
    if (info)
        memset(info, 0, sizeof *info);
    if (!pack_name_ok(o->name))
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_BAD_NAME), o->name);
    if (!pack_name_ok(o->version))
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_BAD_VERSION), o->version);
    if (o->changelog &&
        (strlen(o->changelog) > PACK_CHANGELOG_MAX || !text_ok(o->changelog, strlen(o->changelog))))
        return sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_PACK_BAD_CHANGELOG));
    if (pack_archive_load(err) != SIM_OK)
        return SIM_ERR_IO;
    SecManifest m;
    SimStatus s = sec_pack_files(o->root, &m, err);
    if (s != SIM_OK)
        return s;
    /* A pack.info already in the folder (building from an installed pack) is replaced. */
    long old = sec_manifest_find(&m, PACK_INFO_FILE);
    if (old >= 0) {
        free(m.paths[old]);
        memmove(&m.paths[old], &m.paths[old + 1], (m.count - (size_t)old - 1) * sizeof *m.paths);
        memmove(&m.hashes[old], &m.hashes[old + 1], (m.count - (size_t)old - 1) * sizeof *m.hashes);
        m.count--;
    }
    SimBuf infotext;
    simbuf_init(&infotext);
    info_text(&infotext, o->name, o->version, o->built, o->changelog);
    /* Every file read once, into memory: what is hashed is what is archived. The new pack.info
     * takes its sorted place. */
    size_t n = m.count + 1;
    char **data = calloc(n, sizeof *data);
    size_t *lens = calloc(n, sizeof *lens);
    char **paths = calloc(n, sizeof *paths);
    unsigned char(*hashes)[SEC_HASH_BYTES] = calloc(n, sizeof *hashes);
    if (!data || !lens || !paths || !hashes || infotext.oom) {
        s = sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
        goto out;
    }
    size_t k = 0;
    int info_done = 0;
    for (size_t i = 0; i <= m.count && s == SIM_OK; i++) {
        if (!info_done && (i == m.count || strcmp(m.paths[i], PACK_INFO_FILE) > 0)) {
            paths[k] = sim_strdup(PACK_INFO_FILE);
            data[k] = sim_strndup(infotext.data, infotext.len);
            lens[k] = infotext.len;
            if (!paths[k] || !data[k])
                s = sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
            sec_hash(hashes[k], infotext.data, infotext.len);
            k++;
            info_done = 1;
        }
        if (i == m.count || s != SIM_OK)
            break;
        char *full = sim_path_join(o->root, m.paths[i]);
        paths[k] = m.paths[i];
        m.paths[i] = NULL; /* moved */
        if (!full || sim_read_file(full, PACK_FILE_MAX, &data[k], &lens[k], NULL) != SIM_OK)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_READ_FAILED), full ? full : paths[k]);
        else
            sec_hash(hashes[k], data[k], lens[k]);
        free(full);
        k++;
    }
    if (s != SIM_OK)
        goto out;
    SecManifest signed_m = {.count = k, .paths = paths, .hashes = hashes};
    SimBuf sig;
    simbuf_init(&sig);
    char kid[SEC_KEY_ID_LEN + 1] = "";
    s = sec_manifest_sign(&signed_m, o->key, &sig, kid, err);
    if (s != SIM_OK) {
        simbuf_free(&sig);
        goto out;
    }
    /* The archive: into a new file beside the output, fsynced, then renamed over it. */
    SimBuf tmp;
    simbuf_init(&tmp);
    simbuf_printf(&tmp, "%s.%ld.tmp", o->output, (long)getpid());
    unlink(simbuf_str(&tmp));
    int fd = open(simbuf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    struct archive *a = archive_write_new();
    if (fd < 0 || !a) {
        s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), o->output,
                          fd < 0 ? strerror(errno) : tr(STR_NOMEM));
    } else if (archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
               archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
               archive_write_open_fd(a, fd) != ARCHIVE_OK) {
        s = archive_fail(a, err, o->output);
    } else {
        time_t mtime = 0; /* fixed: the same files give the same archive */
        if (add_entry(a, "scenarios/" SEC_PACK_FILE, sig.data, sig.len, mtime) != 0)
            s = archive_fail(a, err, o->output);
        for (size_t i = 0; i < k && s == SIM_OK; i++) {
            char *name = archive_name(paths[i]);
            if (!name || add_entry(a, name, data[i], lens[i], mtime) != 0)
                s = archive_fail(a, err, o->output);
            free(name);
        }
        if (s == SIM_OK && archive_write_close(a) != ARCHIVE_OK)
            s = archive_fail(a, err, o->output);
    }
    if (a)
        archive_write_free(a);
    if (fd >= 0) {
        if (s == SIM_OK && fsync(fd) != 0)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), o->output,
                              strerror(errno));
        close(fd);
    }
    if (s == SIM_OK && rename(simbuf_str(&tmp), o->output) != 0)
        s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), o->output, strerror(errno));
    if (s != SIM_OK)
        unlink(simbuf_str(&tmp));
    simbuf_free(&tmp);
    if (s == SIM_OK && info) {
        snprintf(info->name, sizeof info->name, "%s", o->name);
        snprintf(info->version, sizeof info->version, "%s", o->version);
        snprintf(info->built, sizeof info->built, "%s", o->built);
        memcpy(info->key_id, kid, sizeof info->key_id);
        manifest_hash(&signed_m, info->hash);
        info->files = k;
        info->changelog = sim_strdup(o->changelog ? o->changelog : "");
    }
    simbuf_free(&sig);
out:
    for (size_t i = 0; i < n && data; i++) {
        free(data[i]);
        if (paths)
            free(paths[i]);
    }
    free(data);
    free(lens);
    free(paths);
    free(hashes);
    simbuf_free(&infotext);
    sec_manifest_free(&m);
    return s;
}

/* ---- reading and checking --------------------------------------------------------------- */

/* Where a pack is read from. */
typedef struct PackSource {
    const char *file; /* a file, or NULL */
    const void *data; /* or bytes in memory */
    size_t len;
    const char *label; /* the pack's name in messages */
} PackSource;

/* Refuses an entry whose name could leave the pack's folder, or which is not a regular file;
 * the message names the pack and the entry. 0 when the entry may be read. */
static int entry_safe(struct archive_entry *e, const PackSource *src, SimError *err)
{
    const char *name = archive_entry_pathname(e);
    if (!name || !*name)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_NAME), src->label, "?"), -1;
    if (name[0] == '/')
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_ABSOLUTE), src->label, name),
               -1;
    for (const char *c = name; *c;) {
        const char *slash = strchr(c, '/');
        size_t n = slash ? (size_t)(slash - c) : strlen(c);
        if ((n == 2 && strncmp(c, "..", 2) == 0))
            return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_OUTSIDE), src->label,
                                 name),
                   -1;
        if (!slash)
            break;
        c = slash + 1;
    }
    if (archive_entry_hardlink(e))
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_LINK), src->label, name), -1;
    mode_t t = archive_entry_filetype(e);
    if (t == AE_IFLNK || archive_entry_symlink(e))
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_LINK), src->label, name), -1;
    if (t != AE_IFREG && t != AE_IFDIR)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_SPECIAL), src->label, name),
               -1;
    return 0;
}

/* Reads the whole data of the current entry (at most max bytes). */
static int read_entry(struct archive *a, struct archive_entry *e, size_t max, char **out,
                      size_t *len)
{
    *out = NULL;
    *len = 0;
    la_int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
    if (size < 0 || (uint64_t)size > max)
        return -1;
    char *buf = malloc((size_t)size + 1);
    if (!buf)
        return -1;
    size_t got = 0;
    while (got < (size_t)size) {
        la_ssize_t r = archive_read_data(a, buf + got, (size_t)size - got);
        if (r <= 0) {
            free(buf);
            return -1;
        }
        got += (size_t)r;
    }
    buf[got] = '\0';
    *out = buf;
    *len = got;
    return 0;
}

/* Reads the pack from src: the manifest first and checked, then every entry. With into (a
 * folder), each accepted entry is written there (scenarios/…, scripts/…) and fsynced. info gets
 * the pack's metadata; sig (may be NULL) the manifest's text. */
static SimStatus read_pack(const PackSource *src, const PackSite *site, const char *into,
                           PackInfo *info, SimBuf *sig, SimError *err)
{
    memset(info, 0, sizeof *info);
    if (pack_archive_load(err) != SIM_OK)
        return SIM_ERR_IO;
    struct archive *a = archive_read_new();
    if (!a)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    archive_read_support_filter_gzip(a);
    archive_read_support_format_tar(a);
    int rc = src->file ? archive_read_open_filename(a, src->file, 65536)
                       : archive_read_open_memory(a, src->data, src->len);
    SecManifest m;
    memset(&m, 0, sizeof m);
    unsigned char *seen = NULL;
    SimStatus s = SIM_OK;
    char *sigtext = NULL;
    size_t siglen = 0, total = 0, written = 0;
    int have_info = 0;
    if (rc != ARCHIVE_OK) {
        s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_DAMAGED), src->label,
                          archive_error_string(a) ? archive_error_string(a) : "?");
        goto out;
    }
    struct archive_entry *e;
    int first = 1;
    for (;;) {
        rc = archive_read_next_header(a, &e);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK) {
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_DAMAGED), src->label,
                              archive_error_string(a) ? archive_error_string(a) : "?");
            goto out;
        }
        if (entry_safe(e, src, err) != 0) {
            s = SIM_ERR_INVALID;
            goto out;
        }
        const char *name = archive_entry_pathname(e);
        if (first) {
            /* Nothing is looked at before the manifest is checked. */
            first = 0;
            if (strcmp(name, "scenarios/" SEC_PACK_FILE) != 0 ||
                archive_entry_filetype(e) != AE_IFREG ||
                read_entry(a, e, PACK_SIG_MAX, &sigtext, &siglen) != 0) {
                s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_NO_MANIFEST), src->label,
                                  name);
                goto out;
            }
            PackState ps =
                sec_manifest_open(sigtext, siglen, site->trusted, site->trusted_count, &m, err);
            if (ps == PACK_UNTRUSTED) {
                s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_FILE_UNTRUSTED), src->label,
                                  m.key_id);
                goto out;
            }
            if (ps != PACK_OK) {
                char detail[SIM_ERROR_MAX];
                snprintf(detail, sizeof detail, "%s", err->msg);
                s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_FILE_BAD_SIG), src->label,
                                  detail);
                goto out;
            }
            seen = calloc(m.count ? m.count : 1, 1);
            if (!seen) {
                s = sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
                goto out;
            }
            continue;
        }
        if (archive_entry_filetype(e) == AE_IFDIR)
            continue; /* folders follow from the files */
        char *rel = manifest_name(name);
        long at = rel ? sec_manifest_find(&m, rel) : -1;
        if (at < 0 || seen[at]) {
            s = sim_error_set(err, SIM_ERR_INVALID,
                              tr(at < 0 ? STR_PACK_ENTRY_UNLISTED : STR_PACK_ENTRY_TWICE),
                              src->label, name);
            free(rel);
            goto out;
        }
        seen[at] = 1;
        char *data = NULL;
        size_t len = 0;
        unsigned char h[SEC_HASH_BYTES];
        if (read_entry(a, e, PACK_FILE_MAX, &data, &len) != 0 ||
            (sec_hash(h, data, len), !sec_equal(h, m.hashes[at], SEC_HASH_BYTES))) {
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_DAMAGED), src->label, name);
            free(data);
            free(rel);
            goto out;
        }
        total += len;
        if (total > PACK_TOTAL_MAX) {
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_TOO_BIG), src->label);
            free(data);
            free(rel);
            goto out;
        }
        if (strcmp(rel, PACK_INFO_FILE) == 0) {
            have_info = info_parse(data, len, info);
            if (!have_info) {
                s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_BAD_INFO), src->label);
                free(data);
                free(rel);
                goto out;
            }
        }
        if (into) {
            char *path = sim_path_join(into, name);
            if (!path || make_parents(into, name) != 0 || write_file(path, data, len, 0) != 0)
                s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_UNPACK_FAILED), src->label,
                                  path ? path : name, strerror(errno));
            free(path);
            written++;
            if (s == SIM_OK)
                test_pause("entry", written);
        }
        free(data);
        free(rel);
        if (s != SIM_OK)
            goto out;
    }
    if (first) {
        s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_NO_MANIFEST), src->label, "—");
        goto out;
    }
    for (size_t i = 0; i < m.count; i++)
        if (!seen[i]) {
            char *name = archive_name(m.paths[i]);
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_MISSING), src->label,
                              name ? name : m.paths[i]);
            free(name);
            goto out;
        }
    if (!have_info) {
        s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_BAD_INFO), src->label);
        goto out;
    }
    memcpy(info->key_id, m.key_id, sizeof info->key_id);
    manifest_hash(&m, info->hash);
    info->files = m.count;
    if (sig)
        simbuf_append(sig, sigtext, siglen);
out:
    archive_read_free(a);
    free(seen);
    free(sigtext);
    sec_manifest_free(&m);
    if (s != SIM_OK)
        pack_info_free(info);
    return s;
}

SimStatus pack_inspect(const char *file, const PackSite *site, PackInfo *info, SimError *err)
{
    PackSource src = {.file = file, .label = file};
    return read_pack(&src, site, NULL, info, NULL, err);
}

SimStatus pack_inspect_memory(const void *data, size_t len, const char *label, const PackSite *site,
                              PackInfo *info, SimError *err)
{
    PackSource src = {.data = data, .len = len, .label = label};
    return read_pack(&src, site, NULL, info, NULL, err);
}

/* ---- the packs folder ------------------------------------------------------------------- */

int pack_info_read(const char *scenarios_root, PackInfo *info)
{
    memset(info, 0, sizeof *info);
    char *ip = sim_path_join(scenarios_root, PACK_INFO_FILE);
    char *text = NULL;
    size_t len = 0;
    int ok =
        ip && sim_read_file(ip, 65536, &text, &len, NULL) == SIM_OK && info_parse(text, len, info);
    free(text);
    free(ip);
    if (!ok)
        pack_info_free(info);
    return ok;
}

char *pack_scenarios_dir(const char *dir, const char *version)
{
    if (!pack_name_ok(version))
        return NULL;
    SimBuf b;
    simbuf_init(&b);
    simbuf_printf(&b, "%s/%s/scenarios", dir, version);
    return simbuf_take(&b);
}

static int mkdirs(const char *path)
{
    char *p = sim_strdup(path);
    if (!p)
        return -1;
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

/* Takes the installer's lock (blocking). Returns the descriptor or -1. */
static int lock_site(const char *dir, SimError *err)
{
    if (mkdirs(dir) != 0) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), dir, strerror(errno));
        return -1;
    }
    char *path = sim_path_join(dir, ".lock");
    int fd = path ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644) : -1;
    free(path);
    if (fd < 0 || flock(fd, LOCK_EX) != 0) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), dir, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

int pack_hold(const char *dir, const char *version)
{
    if (!pack_name_ok(version))
        return 0;
    SimBuf b;
    simbuf_init(&b);
    simbuf_printf(&b, "%s/%s/.hold", dir, version);
    int fd = open(simbuf_str(&b), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    simbuf_free(&b);
    if (fd < 0)
        return 0;
    if (flock(fd, LOCK_SH) != 0) {
        close(fd);
        return 0;
    }
    return 1; /* the descriptor stays open until the process ends */
}

/* Removes installed versions other than keep1/keep2 that no process holds, and leftovers of
 * interrupted installs. Called under the installer's lock. */
static void prune(const char *dir, const char *keep1, const char *keep2)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        char *path = sim_path_join(dir, n);
        struct stat st;
        if (!path || lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || strcmp(n, ".") == 0 ||
            strcmp(n, "..") == 0) {
            free(path);
            continue;
        }
        if (strncmp(n, ".incoming-", 10) == 0) {
            remove_tree(path); /* an install killed half-way: never used */
        } else if (pack_name_ok(n) && strcmp(n, keep1) != 0 && strcmp(n, keep2) != 0) {
            char *hold = sim_path_join(path, ".hold");
            int fd = hold ? open(hold, O_RDONLY | O_CLOEXEC) : -1;
            if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) == 0)
                remove_tree(path);
            if (fd >= 0)
                close(fd);
            free(hold);
        }
        free(path);
    }
    closedir(d);
}

/* Checks an installed version's files against its manifest with this installation's keys;
 * fills info from its pack.info. */
static int installed_ok(const PackSite *site, const char *version, PackInfo *info)
{
    char *root = pack_scenarios_dir(site->dir, version);
    if (!root)
        return 0;
    PackCheck *pc = sec_pack_check(root, site->trusted, site->trusted_count);
    int ok = pc && pc->state == PACK_OK;
    if (ok && info) {
        ok = pack_info_read(root, info);
        if (ok) {
            snprintf(info->hash, sizeof info->hash, "%s", pc->hash);
            snprintf(info->key_id, sizeof info->key_id, "%s", pc->key_id);
        }
    }
    sec_pack_free(pc);
    free(root);
    return ok;
}

static SimStatus install(const PackSite *site, const PackSource *src, PackInfo *info, int *changed,
                         SimError *err)
{
    *changed = 0;
    memset(info, 0, sizeof *info);
    int lock = lock_site(site->dir, err);
    if (lock < 0)
        return SIM_ERR_IO;
    char cur[PACK_NAME_MAX], prev[PACK_NAME_MAX];
    read_pointer(site->dir, "current", cur);
    read_pointer(site->dir, "previous", prev);
    prune(site->dir, cur, prev); /* leftovers of a killed install first */
    SimBuf tmp;
    simbuf_init(&tmp);
    simbuf_printf(&tmp, "%s/.incoming-%ld", site->dir, (long)getpid());
    remove_tree(simbuf_str(&tmp));
    SimStatus s = SIM_OK;
    if (mkdir(simbuf_str(&tmp), 0755) != 0)
        s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), simbuf_str(&tmp),
                          strerror(errno));
    SimBuf sig;
    simbuf_init(&sig);
    if (s == SIM_OK)
        s = read_pack(src, site, simbuf_str(&tmp), info, &sig, err);
    char *sigpath = NULL, *target = NULL;
    if (s == SIM_OK) {
        /* The manifest last: the folder is a complete pack only once it is there. */
        SimBuf p;
        simbuf_init(&p);
        simbuf_printf(&p, "%s/scenarios/%s", simbuf_str(&tmp), SEC_PACK_FILE);
        sigpath = simbuf_take(&p);
        if (!sigpath || write_file(sigpath, sig.data, sig.len, 0) != 0 ||
            sync_tree(simbuf_str(&tmp)) != 0)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_UNPACK_FAILED), src->label,
                              sigpath ? sigpath : "", strerror(errno));
    }
    if (s == SIM_OK) {
        /* What was unpacked is checked once more as the program will check it. */
        char *root = sim_path_join(simbuf_str(&tmp), "scenarios");
        PackCheck *pc = root ? sec_pack_check(root, site->trusted, site->trusted_count) : NULL;
        if (!pc || pc->state != PACK_OK || strcmp(pc->hash, info->hash) != 0)
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_ENTRY_DAMAGED), src->label,
                              pc && pc->problem_count ? pc->problems[0].path : SEC_PACK_FILE);
        sec_pack_free(pc);
        free(root);
    }
    target = s == SIM_OK ? sim_path_join(site->dir, info->version) : NULL;
    if (s == SIM_OK && !target)
        s = sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    int reuse = 0;
    if (s == SIM_OK && sim_is_dir(target)) {
        PackInfo have;
        if (installed_ok(site, info->version, &have) && strcmp(have.hash, info->hash) == 0) {
            reuse = 1; /* the same pack is already unpacked there */
        } else if (strcmp(info->version, cur) == 0 || strcmp(info->version, prev) == 0) {
            s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_VERSION_TAKEN), src->label,
                              info->version);
        } else {
            remove_tree(target); /* a broken leftover nobody points at */
        }
        pack_info_free(&have);
    }
    if (s == SIM_OK && !reuse) {
        if (rename(simbuf_str(&tmp), target) != 0 || fsync_path(site->dir, 1) != 0)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_UNPACK_FAILED), src->label, target,
                              strerror(errno));
        else
            test_pause("renamed", 0);
    }
    if (s == SIM_OK && strcmp(cur, info->version) != 0) {
        if (cur[0] && write_pointer(site->dir, "previous", cur) != 0)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), site->dir,
                              strerror(errno));
        if (s == SIM_OK)
            test_pause("pointer", 0);
        if (s == SIM_OK && write_pointer(site->dir, "current", info->version) != 0)
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), site->dir,
                              strerror(errno));
        if (s == SIM_OK) {
            *changed = 1;
            if (pack_skipped(site->dir, info->version)) {
                char *skip = sim_path_join(site->dir, "skip");
                if (skip)
                    unlink(skip);
                free(skip);
            }
            prune(site->dir, info->version, cur[0] ? cur : prev);
        }
    }
    remove_tree(simbuf_str(&tmp));
    if (s != SIM_OK)
        pack_info_free(info);
    free(sigpath);
    free(target);
    simbuf_free(&sig);
    simbuf_free(&tmp);
    close(lock);
    return s;
}

SimStatus pack_install(const PackSite *site, const char *file, PackInfo *info, int *changed,
                       SimError *err)
{
    PackSource src = {.file = file, .label = file};
    return install(site, &src, info, changed, err);
}

SimStatus pack_install_memory(const PackSite *site, const void *data, size_t len, const char *label,
                              PackInfo *info, int *changed, SimError *err)
{
    PackSource src = {.data = data, .len = len, .label = label};
    return install(site, &src, info, changed, err);
}

SimStatus pack_rollback(const PackSite *site, PackInfo *info, SimError *err)
{
    memset(info, 0, sizeof *info);
    int lock = lock_site(site->dir, err);
    if (lock < 0)
        return SIM_ERR_IO;
    char cur[PACK_NAME_MAX], prev[PACK_NAME_MAX];
    read_pointer(site->dir, "current", cur);
    SimStatus s = SIM_OK;
    if (!read_pointer(site->dir, "previous", prev) || strcmp(prev, cur) == 0)
        s = sim_error_set(err, SIM_ERR_STATE, TRF(STR_PACK_NO_PREVIOUS), site->dir);
    else if (!installed_ok(site, prev, info))
        s = sim_error_set(err, SIM_ERR_INVALID, TRF(STR_PACK_PREVIOUS_BROKEN), prev);
    if (s == SIM_OK) {
        /* `previous` first: a kill between the two writes leaves both naming real packs. */
        if ((cur[0] && write_pointer(site->dir, "previous", cur) != 0) ||
            write_pointer(site->dir, "current", prev) != 0 ||
            (cur[0] && write_pointer(site->dir, "skip", cur) != 0))
            s = sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_DIR_FAILED), site->dir,
                              strerror(errno));
    }
    if (s != SIM_OK)
        pack_info_free(info);
    close(lock);
    return s;
}

int pack_current(const char *dir, PackInfo *info, char *previous)
{
    if (info)
        memset(info, 0, sizeof *info);
    char cur[PACK_NAME_MAX], prev[PACK_NAME_MAX];
    read_pointer(dir, "previous", prev);
    if (previous)
        snprintf(previous, PACK_NAME_MAX, "%s", prev);
    if (!read_pointer(dir, "current", cur))
        return 0;
    char *root = pack_scenarios_dir(dir, cur);
    int ok = root && sim_is_dir(root);
    if (ok && info && !pack_info_read(root, info)) {
        snprintf(info->version, sizeof info->version, "%s", cur);
        info->changelog = sim_strdup("");
    }
    free(root);
    return ok;
}

int pack_skipped(const char *dir, const char *version)
{
    char v[PACK_NAME_MAX];
    return read_pointer(dir, "skip", v) && strcmp(v, version) == 0;
}

int pack_unseen(const char *dir, const char *version)
{
    char v[PACK_NAME_MAX];
    return !read_pointer(dir, "seen", v) || strcmp(v, version) != 0;
}

void pack_mark_seen(const char *dir, const char *version)
{
    if (pack_name_ok(version))
        write_pointer(dir, "seen", version);
}
