/** The MICE protein expression data (UCI, CC BY 4.0), as distributed with LassoNet. */
export const MICE_FILE_NAME = 'Data_Cortex_Nuclear.csv';
export const MICE_URL =
  'https://raw.githubusercontent.com/lasso-net/lassonet/master/examples/Data_Cortex_Nuclear.csv';
/** SHA-256 of the file at MICE_URL: downloads are checked against it. */
export const MICE_SHA256 = '1d6722b089db85dccfcb84d62e7299dcffd17b41223c3da54321890b63fff7ad';
