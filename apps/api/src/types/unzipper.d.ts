// The part of unzipper (exceljs' own unzip library) used to read a zip's central directory.
declare module 'unzipper' {
  export interface CentralDirectoryEntry {
    path: string;
    compressedSize: number;
    uncompressedSize: number;
    /** Inflates the entry (used only for tiny entries such as an .ods `mimetype`). */
    buffer(): Promise<Buffer>;
  }
  export interface CentralDirectory {
    files: CentralDirectoryEntry[];
  }
  export const Open: { file(path: string): Promise<CentralDirectory> };
}
