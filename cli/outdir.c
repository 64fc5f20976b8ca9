// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The output folder: a trace already there is never mixed with a new one
 * or overwritten unless asked, and a run that fails before its program
 * started leaves no folder behind.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outdir.h"

/* What lttng writes into an output folder: the rest is the user's. */
static bool written_by_lttng(const char *name)
{
	return !strcmp(name, "ust") || !strcmp(name, "kernel") ||
	       !strncmp(name, "snapshot-", strlen("snapshot-"));
}

static int is_metadata(const char *path, const struct stat *st, int type,
		       struct FTW *ftw)
{
	(void) st;
	return type == FTW_F && !strcmp(path + ftw->base, "metadata");
}

/* A CTF trace anywhere below: a "metadata" file is the mark of one. */
static bool holds_trace(const char *path)
{
	return nftw(path, is_metadata, 16, FTW_PHYS) == 1;
}

static int remove_one(const char *path, const struct stat *st, int type,
		      struct FTW *ftw)
{
	(void) st;
	(void) type;
	(void) ftw;
	if (remove(path)) {
		fprintf(stderr, "numashim record: cannot remove %s: %s\n",
			path, strerror(errno));
		return -1;
	}
	return 0;
}

static int remove_tree(const char *path)
{
	return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* --force: what an earlier run of lttng wrote goes, nothing else. */
static int remove_old_trace(const char *path)
{
	struct dirent *de;
	char *entry;
	int ret = 0;
	DIR *d;

	d = opendir(path);
	if (!d)
		return -1;
	while (!ret && (de = readdir(d))) {
		if (!written_by_lttng(de->d_name))
			continue;
		if (asprintf(&entry, "%s/%s", path, de->d_name) < 0) {
			ret = -1;
		} else {
			ret = remove_tree(entry);
			free(entry);
		}
	}
	closedir(d);
	return ret;
}

static char *absolute(const char *arg)
{
	char *cwd, *path;

	if (arg[0] == '/')
		return strdup(arg);
	cwd = getcwd(NULL, 0);
	if (!cwd || asprintf(&path, "%s/%s", cwd, arg) < 0)
		path = NULL;
	free(cwd);
	return path;
}

int outdir_prepare(struct outdir *dir, const char *arg, bool force)
{
	struct stat st;

	dir->path = absolute(arg);
	dir->created = false;
	if (!dir->path) {
		perror("numashim record: output folder");
		return -1;
	}
	if (stat(dir->path, &st)) {
		if (errno != ENOENT || mkdir(dir->path, 0777)) {
			fprintf(stderr, "numashim record: cannot create %s: %s\n",
				dir->path, strerror(errno));
			return -1;
		}
		dir->created = true;
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "numashim record: %s is not a folder\n", arg);
		return -1;
	}
	if (!holds_trace(dir->path))
		return 0;
	if (!force) {
		fprintf(stderr,
			"numashim record: %s holds a trace already: choose another folder with -o, or replace it with --force\n",
			arg);
		return -1;
	}
	return remove_old_trace(dir->path);
}

void outdir_abandon(struct outdir *dir)
{
	if (dir->created)
		remove_tree(dir->path);
}
