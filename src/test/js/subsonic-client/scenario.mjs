// A listener's session against Stave's Subsonic dialect, driven by the maintained
// Subsonic/OpenSubsonic client `subsonic-api` (what web players such as Feishin-likes build on).
// Run by SubsonicClientTest: node scenario.mjs BASE_URL USER PASSWORD API_KEY FFMPEG WORK_DIR
// Prints one line per step; exits non-zero at the first failure.
import { SubsonicAPI } from "subsonic-api";
import { spawnSync } from "node:child_process";
import { writeFileSync, statSync } from "node:fs";
import { join } from "node:path";

const [url, username, password, apiKey, ffmpeg, work] = process.argv.slice(2);

// Extra request headers for the next call (the client has no per-call headers; a player's
// media stack sends Range itself).
let extraHeaders = {};
const fetchWithHeaders = (input, init = {}) =>
  fetch(input, { ...init, headers: { ...(init.headers || {}), ...extraHeaders } });

function check(condition, what) {
  if (!condition) {
    throw new Error("FAILED: " + what);
  }
  console.log("ok: " + what);
}

function ok(response, what) {
  check(response && response.status === "ok", what + " -> " + JSON.stringify(response?.error ?? response));
  return response;
}

// Decodes a file with ffmpeg to mono 8 kHz PCM and returns its length in seconds.
function decodedSeconds(file) {
  const out = join(work, "decoded.raw");
  const r = spawnSync(ffmpeg, ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", file,
    "-ac", "1", "-ar", "8000", "-f", "s16le", out], { encoding: "utf8" });
  check(r.status === 0, "ffmpeg decodes " + file + " " + (r.stderr || ""));
  return statSync(out).size / 2 / 8000;
}

const token = new SubsonicAPI({ url, auth: { username, password } });
const post = new SubsonicAPI({ url, auth: { username, password }, post: true });
const key = new SubsonicAPI({ url, auth: { apiKey }, fetch: fetchWithHeaders });

// 1. log in with each method: salted token (GET), salted token as a form POST, API key
ok(await token.ping(), "ping with u + t + s");
ok(await post.ping(), "ping with a form POST");
ok(await key.ping(), "ping with apiKey");
const ext = ok(await key.getOpenSubsonicExtensions(), "getOpenSubsonicExtensions");
check(ext.openSubsonicExtensions.some((e) => e.name === "apiKeyAuthentication"), "apiKeyAuthentication announced");
const wrong = await new SubsonicAPI({ url, auth: { username, password: "not-it" } }).ping();
check(wrong.status === "failed" && wrong.error.code === 40, "a wrong password is code 40");

// 2. browse artists -> album -> songs
const artists = ok(await token.getArtists(), "getArtists");
const ana = artists.artists.index.flatMap((i) => i.artist).find((a) => a.name === "Ana");
check(ana && ana.albumCount === 1, "artist Ana with one album");
const artist = ok(await token.getArtist({ id: ana.id }), "getArtist");
const albumRef = artist.artist.album[0];
const album = ok(await token.getAlbum({ id: albumRef.id }), "getAlbum");
check(album.album.created instanceof Date, "album created parses as a date");
const songs = album.album.song;
check(songs.length === 2 && songs[0].title === "One" && songs[1].title === "Two", "album songs in order");

// 3. search
const found = ok(await token.search3({ query: "Two" }), "search3");
check(found.searchResult3.song?.[0]?.title === "Two", "search3 finds the song");
const everything = ok(await key.search3({ query: "", songCount: 50 }), "search3 with an empty query");
check(everything.searchResult3.song.length === 3, "an empty query lists the library");

// 4. star and see it starred
ok(await token.star({ id: songs[0].id, albumId: album.album.id }), "star");
const starred = ok(await post.getStarred2(), "getStarred2");
check(starred.starred2.song?.some((s) => s.id === songs[0].id), "the song is starred");
check(starred.starred2.song[0].starred instanceof Date, "starred parses as a date");
ok(await token.unstar({ id: songs[0].id, albumId: album.album.id }), "unstar");

// 5. a playlist
const created = ok(await token.createPlaylist({ name: "From the client", songId: songs.map((s) => s.id) }), "createPlaylist");
const playlistId = created.playlist.id;
const lists = ok(await token.getPlaylists(), "getPlaylists");
check(lists.playlists.playlist.some((p) => p.id === playlistId && p.songCount === 2), "the playlist is listed");
const playlist = ok(await key.getPlaylist({ id: playlistId }), "getPlaylist");
check(playlist.playlist.entry.map((e) => e.title).join(",") === "One,Two", "playlist entries");
ok(await token.updatePlaylist({ playlistId, songIndexToRemove: 0 }), "updatePlaylist");
ok(await token.deletePlaylist({ id: playlistId }), "deletePlaylist");

// 6. stream a song and decode it to the end; a Range seek
const stream = await key.stream({ id: songs[0].id });
check(stream.ok, "stream answers " + stream.status);
const bytes = Buffer.from(await stream.arrayBuffer());
const file = join(work, "one.flac");
writeFileSync(file, bytes);
const seconds = decodedSeconds(file);
check(Math.abs(seconds - 3) < 0.15, "the streamed song decodes to its 3 s (" + seconds + ")");
const mp3 = await key.stream({ id: songs[1].id, format: "mp3", maxBitRate: 96 });
writeFileSync(join(work, "two.mp3"), Buffer.from(await mp3.arrayBuffer()));
check(Math.abs(decodedSeconds(join(work, "two.mp3")) - 3) < 0.15, "a transcoded stream decodes to 3 s");
extraHeaders = { Range: "bytes=1000-1999" };
const range = await key.stream({ id: songs[0].id });
extraHeaders = {};
const part = Buffer.from(await range.arrayBuffer());
check(range.status === 206 && part.length === 1000 && part.equals(bytes.subarray(1000, 2000)), "a Range seek answers 206 with those bytes");

// 7. cover art at a size
const cover = await token.getCoverArt({ id: album.album.coverArt, size: 100 });
check(cover.ok && cover.headers.get("content-type").startsWith("image/"), "getCoverArt answers an image");
check((await cover.arrayBuffer()).byteLength > 0, "the image has bytes");

// 8. scrobble
ok(await token.scrobble({ id: songs[0].id }), "scrobble");
const again = ok(await token.getSong({ id: songs[0].id }), "getSong");
check(again.song.playCount === 1, "the scrobble counted a listen");
console.log("SCENARIO PASSED");
