// cytoscape-elk ships no types: it is a cytoscape extension (cytoscape.use(elk)).
declare module "cytoscape-elk" {
  import type { Ext } from "cytoscape";
  const elk: Ext;
  export default elk;
}
