/**
 * Preloaded (`node --require`) into a process the bench spawns: reports its peak memory on exit, on stderr, so the
 * CLI can be measured as a user runs it without changing it.
 */
export const RSS_MARK = 'ml-lanes-bench peak-rss-mb';

process.on('exit', () => {
  process.stderr.write(`\n${RSS_MARK} ${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
