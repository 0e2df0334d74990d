/*
 * pack.h — scenario pack files (NAME-VERSION.mfcpack) and the packs installed on a PC.
 *
 * Owns: the pack file's format (a gzip-compressed tar archive read and written by libarchive,
 * which enters the program only here), its metadata file pack.info, building a pack, checking
 * one without unpacking it, installing one into the packs folder atomically, the `current` and
 * `previous` pointers there, and rollback.
 *
 * A pack file holds, in this order (docs/packs.md):
 *     scenarios/pack.sig      the signed manifest (crypto.h), always the first entry
 *     scenarios/pack.info     name, version, build time, changelog — listed in the manifest
 *     scenarios/<files>       every other file the manifest lists
 *     scripts/NAME.lua        the shared scripts (the manifest's "../scripts/NAME.lua")
 * Nothing else: no folders outside these two, no links, no devices.
 *
 * The packs folder (PackSite.dir, by default $XDG_DATA_HOME/mfc-trainer/packs):
 *     VERSION/scenarios, VERSION/scripts   one installed pack, verified, read-only in use
 *     current, previous                    one line each: a VERSION
 *     skip                                 the version `pack rollback` left (sync does not
 *                                          reinstall it)
 *     seen                                 the version whose notice the window has shown
 *     .lock, .incoming-PID                 the installer's lock and its unfinished work
 * Installing never touches the pack in use: it unpacks into .incoming-PID beside, fsyncs every
 * file and folder, renames the folder to VERSION and only then replaces `current` (a new file
 * renamed over the old one). A process killed at any moment leaves `current` naming a complete,
 * verified pack. A running program holds a shared lock on VERSION/.hold, so the version it
 * started on is never removed under it.
 * Depends on: core, crypto.
 */
#ifndef SIM_PACK_H
#define SIM_PACK_H

#include "../core/core.h"
#include "../crypto/crypto.h"

#define PACK_INFO_FILE     "pack.info"
#define PACK_EXT           ".mfcpack"
#define PACK_NAME_MAX      48
#define PACK_FILE_MAX      (16u * 1024u * 1024u) /* one file of a pack */
#define PACK_CHANGELOG_MAX 4000                  /* bytes of the changelog */

typedef struct PackInfo {
    char name[PACK_NAME_MAX], version[PACK_NAME_MAX];
    char built[32];                    /* UTC, 2026-12-06T18:00:00Z */
    char key_id[SEC_KEY_ID_LEN + 1];   /* the signer */
    char hash[2 * SEC_HASH_BYTES + 1]; /* the pack's hash: the same as sec_pack_check's and
                                          as an attempt's pack_hash */
    size_t files;                      /* files in the manifest */
    char *changelog;                   /* UTF-8, "" when none; owned */
} PackInfo;
void pack_info_free(PackInfo *info);

/* 1 when s may name a pack or a version: 1–47 of A–Z a–z 0–9 . _ -, not starting with a dot. */
int pack_name_ok(const char *s);

typedef struct PackBuildOptions {
    const char *root;      /* the scenarios folder; its ../scripts are the shared scripts */
    const char *key;       /* the methodologist's secret key file */
    const char *name;      /* pack name */
    const char *version;   /* version */
    const char *built;     /* build time, written into pack.info */
    const char *changelog; /* UTF-8 text, may be NULL */
    const char *output;    /* the file to write (replaced atomically) */
} PackBuildOptions;
/* Signs every file of the pack plus a fresh pack.info and writes the pack file. Each file is
 * read once: the bytes hashed are the bytes archived. info (may be NULL) gets what was built;
 * free it with pack_info_free. */
SimStatus pack_build(const PackBuildOptions *o, PackInfo *info, SimError *err);

/* Where installed packs live and which keys this installation trusts (borrowed). */
typedef struct PackSite {
    const char *dir;
    const char *const *trusted;
    size_t trusted_count;
} PackSite;

/* Checks a pack file without writing anything: the manifest first (signature, trusted key),
 * then every entry (safe name, listed, matching hash), then that nothing listed is missing.
 * label names the pack in messages (a file name). */
SimStatus pack_inspect(const char *file, const PackSite *site, PackInfo *info, SimError *err);
SimStatus pack_inspect_memory(const void *data, size_t len, const char *label, const PackSite *site,
                              PackInfo *info, SimError *err);

/* Installs a pack file (see the banner). *changed is 0 when that pack was already the current
 * one. On any refusal nothing in the packs folder changes and err names the pack and the
 * entry. */
SimStatus pack_install(const PackSite *site, const char *file, PackInfo *info, int *changed,
                       SimError *err);
SimStatus pack_install_memory(const PackSite *site, const void *data, size_t len, const char *label,
                              PackInfo *info, int *changed, SimError *err);

/* Makes `previous` current again (checked first) and remembers the version left in `skip`.
 * info gets the pack now current. */
SimStatus pack_rollback(const PackSite *site, PackInfo *info, SimError *err);

/* The installed current pack: 1 and info filled (with the installed files' hash) when there is
 * one whose folder exists; 0 otherwise. previous (size PACK_NAME_MAX, may be NULL) gets the
 * previous version or "". */
int pack_current(const char *dir, PackInfo *info, char *previous);
/* Reads scenarios_root/pack.info (name, version, built, changelog; no hash) — 1 when it is
 * there and well-formed. It says nothing about the signature: check the pack first. */
int pack_info_read(const char *scenarios_root, PackInfo *info);
/* The scenarios folder of an installed version (caller frees), or NULL. */
char *pack_scenarios_dir(const char *dir, const char *version);
/* Takes a shared lock on the version's .hold for the life of the process, so no install
 * removes the pack this process is using. Returns 1 when held. */
int pack_hold(const char *dir, const char *version);
/* 1 when `skip` names this version (left by a rollback). */
int pack_skipped(const char *dir, const char *version);
/* The window's «new pack» notice: 1 when its notice for version was not shown yet; mark it
 * shown with pack_mark_seen. */
int pack_unseen(const char *dir, const char *version);
void pack_mark_seen(const char *dir, const char *version);

#endif /* SIM_PACK_H */
