/** Jest setupFilesAfterEnv: any outbound connection to a non-loopback host fails the test that makes it. */
import { installNetworkGuard } from './no-network';

installNetworkGuard();
