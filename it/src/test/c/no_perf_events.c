/*
 * Runs a command where perf_event_open(2) is refused, as a container's default seccomp profile
 * (Docker's, Kubernetes' RuntimeDefault) refuses it: the syscall fails with EPERM, everything else
 * is allowed. ProfileIT starts a target JVM through it to see async-profiler fall back from perf
 * events to a CPU timer, and diag say so.
 *
 *   cc -o no_perf_events no_perf_events.c && ./no_perf_events /path/to/java -version
 *
 * The filter is inherited by every thread and by exec, and cannot be lifted by the command.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: no_perf_events COMMAND [ARG...]\n");
        return 2;
    }
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_perf_event_open, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {sizeof filter / sizeof filter[0], filter};
    /* no_new_privs first: without it an unprivileged process may not install a filter */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
        perror("no_perf_events: seccomp");
        return 126;
    }
    execv(argv[1], argv + 1);
    perror(argv[1]);
    return 127;
}
