-- Write every near-duplicate copy as Parquet under $path/year=YYYY/month=MM/, by its date.
COPY (
    SELECT *, strftime(pub_date, '%Y') AS year, strftime(pub_date, '%m') AS month
    FROM document_copies
    ORDER BY pub_date, doc_id
) TO $path (FORMAT parquet, PARTITION_BY (year, month), RETURN_FILES true);
