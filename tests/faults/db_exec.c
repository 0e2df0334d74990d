/*
 * db_exec.c — runs SQL on a database file (the fault tests write garbage settings with it,
 * so they need no sqlite3 program). Usage: db_exec FILE SQL. Prints result rows, one value
 * per line. Depends on: SQLite.
 */
#include <sqlite3.h>
#include <stdio.h>

static int row(void *ud, int n, char **v, char **names)
{
    (void)ud;
    (void)names;
    for (int i = 0; i < n; i++)
        printf("%s\n", v[i] ? v[i] : "NULL");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: db_exec FILE SQL\n");
        return 2;
    }
    sqlite3 *db = NULL;
    char *msg = NULL;
    int rc = sqlite3_open(argv[1], &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, argv[2], row, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "db_exec: %s\n", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}
