// Formats beyond Concord's own register their importers here, once, for every command.
export {};
