/*
 * conf.h — the configuration file: `key = value` lines, layered.
 *
 * Owns: SimConf, the settings of an installation read from the system file
 * (/etc/mfc-trainer/mfc-trainer.conf), then the user's file
 * ($XDG_CONFIG_HOME/mfc-trainer/mfc-trainer.conf), then command-line flags; each layer
 * overrides the one before. Every value remembers where it came from (FILE:LINE or the flag),
 * so a message about a value can point at the line to fix.
 * A line is `key = value`; blank lines and lines starting with # or ; are comments; a value may
 * be wrapped in double quotes. An unknown key or a bad value is reported (FILE:LINE, what is
 * wrong, what to do) and skipped: the rest of the file still applies.
 * Depends on: core, diag.
 */
#ifndef SIM_CONF_H
#define SIM_CONF_H

#include "core.h"
#include "diag.h"

typedef struct SimConf SimConf;

/* The keys every layer may set. */
#define SIMCONF_REGION        "region"        /* the region's name or code, e.g. «38» */
#define SIMCONF_OFFICE        "office"        /* the office code: letters, digits, . _ - */
#define SIMCONF_CENTRAL       "central"       /* libpq connection string or URI of the centre */
#define SIMCONF_DB            "db"            /* the results database file */
#define SIMCONF_SYNC_INTERVAL "sync_interval" /* minutes between background syncs, 1–1440 */
#define SIMCONF_PACKS         "packs"         /* the folder of installed scenario packs */
/* The Learning Record Store of `lrs push` (issue #13). The password is never a key of this
 * file, which other users may read: it comes from --password, $MFC_LRS_PASSWORD, or the file
 * named by lrs_password_file, which must be readable by its owner only. */
#define SIMCONF_LRS_ENDPOINT      "lrs_endpoint"      /* the LRS's xAPI endpoint URL */
#define SIMCONF_LRS_USER          "lrs_user"          /* the LRS client's key (Basic user) */
#define SIMCONF_LRS_PASSWORD_FILE "lrs_password_file" /* a file holding the secret (0600) */
#define SIMCONF_LRS_HOME_PAGE     "lrs_home_page"     /* the actors' account homePage */

/* Caller frees with simconf_destroy. NULL only when out of memory. */
SimConf *simconf_create(void);
void simconf_destroy(SimConf *c);
/* Reads one layer from path. A missing file is not an error (returns SIM_OK, nothing read);
 * an unreadable one is SIM_ERR_IO. Problems inside the file go to diags as errors with the
 * file and line; their lines are skipped. */
SimStatus simconf_load_file(SimConf *c, const char *path, SimDiags *diags, SimError *err);
/* Sets key from origin (e.g. "--office"); a bad key or value is SIM_ERR_INVALID with a message. */
SimStatus simconf_set(SimConf *c, const char *key, const char *value, const char *origin,
                      SimError *err);
/* Checks a value for key without setting anything: SIM_OK, or SIM_ERR_INVALID with a message
 * that starts with origin (e.g. "--office"). */
SimStatus simconf_check(const char *key, const char *value, const char *origin, SimError *err);
/* The value (borrowed, valid until the key is set again or c is destroyed) or NULL. */
const char *simconf_get(const SimConf *c, const char *key);
/* Where the value came from ("FILE:LINE" or the flag), or NULL when unset. */
const char *simconf_origin(const SimConf *c, const char *key);
/* The default system layer's path: $MFC_SYSTEM_CONFIG when set (tests), else
 * /etc/mfc-trainer/mfc-trainer.conf (the command line uses its install root's /etc). Borrowed. */
const char *simconf_system_path(void);
/* The user layer's path: $XDG_CONFIG_HOME/mfc-trainer/mfc-trainer.conf, or
 * ~/.config/mfc-trainer/mfc-trainer.conf. Caller frees; NULL when HOME is unknown. */
char *simconf_user_path(void);
/* A connection string with any password replaced by ***, for messages and logs. Caller frees. */
char *simconf_mask_password(const char *conninfo);

#endif /* SIM_CONF_H */
