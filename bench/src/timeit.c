/* SPDX-License-Identifier: MIT */
/* Runs COMMAND once, its standard output into OUT and its errors to
 * /dev/null, and prints its wall time in nanoseconds on the monotonic
 * clock (from before the fork to the end of the wait). /usr/bin/time
 * shows hundredths of a second, too coarse for runs of a few ms. Exit
 * status 0, or 70 when the command could not start or failed. Usage:
 * timeit OUT COMMAND [ARG...]. Benchmark helper only. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t
now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: timeit OUT COMMAND [ARG...]\n");
        return 64;
    }
    int out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_WRONLY);
    if (out < 0 || null < 0) {
        perror("timeit");
        return 70;
    }
    int64_t start = now_ns();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out, 1);
        dup2(null, 2);
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        perror("timeit");
        return 70;
    }
    int64_t end = now_ns();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "timeit: %s failed (status %d)\n", argv[2], status);
        return 70;
    }
    printf("%lld\n", (long long)(end - start));
    return 0;
}
