/*
 * peak_rss.c — runs a command and prints its peak resident memory as getrusage() reports it
 * for the finished child (ru_maxrss, KiB): the window's memory check (tests/startup_test.sh,
 * issue #14). Memory is counted, not time.
 * Usage: peak_rss COMMAND [ARGS…]   (prints "maxrss_kib N"; exits with the command's status)
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: peak_rss COMMAND [ARGS…]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak_rss: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror("peak_rss: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    /* The only child: what getrusage reports for the children is its own. */
    if (waitpid(pid, &status, 0) != pid || getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        perror("peak_rss: wait");
        return 2;
    }
    printf("maxrss_kib %ld\n", ru.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
