/* replay_main.c: a plain main() for the fuzz targets, so `make check` can
 * replay their corpora without libFuzzer (built with the normal compiler,
 * linked with one fuzz_*.c). Arguments are files or directories (each
 * regular file in a directory, not recursively, in name order); each file
 * goes through LLVMFuzzerTestOneInput() once. Prints one "# NAME" line per
 * file before running it, so the last line names an input that crashed,
 * then "replayed N files". Exit 0, or 1 when a path cannot be read. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int n_files;

/* Reads path whole into a new buffer (caller frees); NULL on error. */
static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			uint8_t *nb = realloc(buf, cap);
			if (nb == NULL)
				abort();
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int replay_file(const char *path)
{
	size_t size;
	uint8_t *data;

	printf("# %s\n", path);
	fflush(stdout);
	data = slurp(path, &size);
	if (data == NULL) {
		fprintf(stderr, "replay: cannot read %s; check the path and its permissions\n", path);
		return 1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	n_files++;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, by_name), rc = 0;

	if (n < 0) {
		fprintf(stderr, "replay: cannot list %s; check the path\n", dir);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = malloc(len);
		struct stat st;
		if (path == NULL)
			abort();
		snprintf(path, len, "%s/%s", dir, names[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			rc |= replay_file(path);
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	struct stat st;
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE-OR-DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s does not exist; check the path\n", argv[i]);
			rc = 1;
		} else {
			rc |= S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]);
		}
	}
	printf("replayed %d files\n", n_files);
	return rc;
}
