// SPDX-License-Identifier: LGPL-2.1-or-later
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "traces.h"

static int append(struct trace_list *list, const char *path)
{
	char **paths = realloc(list->paths,
			       (list->count + 1) * sizeof(*paths));

	if (!paths)
		return -1;
	list->paths = paths;
	paths[list->count] = strdup(path);
	if (!paths[list->count])
		return -1;
	list->count++;
	return 0;
}

static int is_trace(const char *dir)
{
	char *metadata;
	struct stat st;
	int found;

	if (asprintf(&metadata, "%s/metadata", dir) < 0)
		return -1;
	found = !stat(metadata, &st) && S_ISREG(st.st_mode);
	free(metadata);
	return found;
}

static int find_under(struct trace_list *list, const char *dir);

/* A trace's own subfolders (index/) hold no other trace. */
static int visit(struct trace_list *list, const char *dir)
{
	int trace = is_trace(dir);

	if (trace < 0)
		return -1;
	return trace ? append(list, dir) : find_under(list, dir);
}

static int visit_entry(struct trace_list *list, const char *dir,
		       const char *name)
{
	struct stat st;
	char *path;
	int ret = 0;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		return -1;
	/* Links are not followed: they could loop. */
	if (!lstat(path, &st) && S_ISDIR(st.st_mode))
		ret = visit(list, path);
	free(path);
	return ret;
}

static int find_under(struct trace_list *list, const char *dir)
{
	struct dirent **entries;
	int n, i, ret = 0;

	n = scandir(dir, &entries, NULL, alphasort);
	if (n < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!ret && strcmp(entries[i]->d_name, ".") &&
		    strcmp(entries[i]->d_name, ".."))
			ret = visit_entry(list, dir, entries[i]->d_name);
		free(entries[i]);
	}
	free(entries);
	return ret;
}

int traces_find(struct trace_list *list, const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return visit(list, path);
}

void traces_fini(struct trace_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	*list = (struct trace_list) { 0 };
}
