/* instance_lock.c: owns the flock(2) locks that keep a second mouwatchd
 * off a state directory or a database in use (see instance_lock.h). */
#include "instance_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* The PID holding a flock on the file open as fd, from /proc/locks
 * ("1: FLOCK  ADVISORY  WRITE 1234 08:02:56789 0 EOF"); 0 if unknown. */
static long flock_holder(int fd)
{
	struct stat st;
	char line[256];
	long pid = 0;
	FILE *f;

	if (fstat(fd, &st) != 0 || (f = fopen("/proc/locks", "re")) == NULL)
		return 0;
	while (pid == 0 && fgets(line, sizeof line, f)) {
		char kind[16];
		unsigned maj, min;
		long p;
		unsigned long long ino;
		if (sscanf(line, "%*s %15s %*s %*s %ld %x:%x:%llu", kind, &p, &maj, &min, &ino) == 5 &&
		    strcmp(kind, "FLOCK") == 0 && ino == (unsigned long long)st.st_ino &&
		    makedev(maj, min) == st.st_dev)
			pid = p;
	}
	fclose(f);
	return pid;
}

/* The PID a lock file says, as a fallback when /proc/locks is not there. */
static long pid_in_file(int fd)
{
	char buf[32] = "";
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	return n > 0 ? strtol(buf, NULL, 10) : 0;
}

static void write_pid(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n)
		return; /* the PID is for operators; the lock is what counts */
}

/* Opens path and locks it; -1 and why on failure. flock needs no write
 * access: a lock file this user may not write (left by a run as root) or
 * one on a read-only state_dir is locked read-only, without the PID. */
static int lock_one(const char *path, const char *what, char *why, size_t len)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0644);

	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		int saved = errno;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0)
			errno = saved;
	}
	if (fd < 0) {
		snprintf(why, len, "cannot open %s to lock the %s: %s; check its directory's owner and mode",
			 path, what, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK) {
		long pid = flock_holder(fd);
		if (pid == 0)
			pid = pid_in_file(fd);
		snprintf(why, len, "another mouwatchd (pid %ld) is running on the %s %s; "
			 "stop it first (or give this one its own [daemon] state_dir and database)",
			 pid, what, path);
	} else {
		snprintf(why, len, "cannot lock %s (flock): %s; keep [daemon] state_dir and "
			 "database on a local file system that supports locks", path, strerror(errno));
	}
	close(fd);
	return -1;
}

bool instance_lock_take(struct instance_lock *l, const char *state_dir,
			const char *database, char *why, size_t why_len)
{
	size_t n = strlen(state_dir) + sizeof "/mouwatchd.lock";
	char *path = malloc(n);

	l->state_fd = l->db_fd = -1;
	if (path == NULL) {
		snprintf(why, why_len, "out of memory");
		return false;
	}
	snprintf(path, n, "%s/mouwatchd.lock", state_dir);
	l->state_fd = lock_one(path, "state directory", why, why_len);
	free(path);
	if (l->state_fd < 0)
		return false;
	l->db_fd = lock_one(database, "database", why, why_len);
	if (l->db_fd < 0) {
		instance_lock_release(l);
		return false;
	}
	write_pid(l->state_fd);
	return true;
}

void instance_lock_release(struct instance_lock *l)
{
	if (l->db_fd >= 0)
		close(l->db_fd);
	if (l->state_fd >= 0)
		close(l->state_fd);
	l->state_fd = l->db_fd = -1;
}
