import ConcordKit

ConcordMain.run()
