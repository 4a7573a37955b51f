/**
 * Pushed keyword lists, from the service that verified them to the session helpers that match with them.
 *
 * <p>The console signs a bundle and pushes it to the service, which alone holds the pinned keys (the helper
 * runs as the pupil and reads no config). The service checks signature and content, keeps it as the last good
 * bundle, and writes it to {@link io.vigil.agent.helper.lists.PublishedLists} - a root-owned, world-readable
 * file beside the helper socket, replaced atomically and named by its hash - then announces version and file
 * hash over the socket. A bundle is far bigger than a 16 KiB frame, so the file carries the bytes and the
 * socket (whose peer the helper trusts: only root can create it there) carries what they must hash to. The
 * helper ({@link io.vigil.agent.helper.lists.ListsFile}) reads the file, refuses bytes with another hash,
 * validates the lists as the service did, swaps its matcher in one step and answers with the version it now
 * matches with; anything wrong leaves the old lists in force and the reason goes back to the service.
 */
package io.vigil.agent.helper.lists;
