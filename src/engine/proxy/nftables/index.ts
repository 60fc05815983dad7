/** kube-proxy's nftables mode: the data plane and the `nft` command. */
export { NFT_PERMISSION_ERROR, nftCommand } from "./commands";
export { isNftablesDataPlane, type NftablesDataPlane, nftablesMode } from "./dataPlane";
